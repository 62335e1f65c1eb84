// Client-side validation for the comment form: the same rules and messages as the server (they come from the
// data-val-* attributes the server renders). The form works without this script; it only saves a round trip.
(function () {
  "use strict";
  if (!window.aspnetValidation) {
    return;
  }
  var service = new window.aspnetValidation.ValidationService();
  service.bootstrap({ watch: false });

})();
