namespace NewsPortal.Web.Domain;

public class Tag : ListingPage;
