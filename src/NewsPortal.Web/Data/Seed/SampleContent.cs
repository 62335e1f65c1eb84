namespace NewsPortal.Web.Data.Seed;

/// <summary>
/// Fictional sample content for a new database: every place, organisation and person in it is invented.
/// </summary>
internal static class SampleContent
{
    // (Name, Slug) in navigation order
    public static readonly IReadOnlyList<(string Name, string Slug)> Categories =
    [
        ("World", "world"),
        ("Politics", "politics"),
        ("Business", "business"),
        ("Technology", "technology"),
        ("Science", "science"),
        ("Sport", "sport"),
        ("Culture", "culture"),
    ];

    // (Name, Slug, Bio)
    public static readonly IReadOnlyList<(string Name, string Slug, string Bio)> Authors =
    [
        ("Maren Holloway", "maren-holloway", "Maren covers world affairs and the environment and has reported from more than thirty countries."),
        ("Daniel Okafor-Reyes", "daniel-okafor-reyes", "Daniel is our political editor and has followed councils, parliaments and elections for fifteen years."),
        ("Priya Castellane", "priya-castellane", "Priya writes about business, work and the cost of living, with a particular interest in small firms."),
        ("Tomasz Webb", "tomasz-webb", "Tomasz is our science and technology editor and spent a decade as a software engineer before turning to journalism."),
        ("Eilidh Marchetti", "eilidh-marchetti", "Eilidh is chief sports writer and has covered football and cricket from the local park to international grounds."),
        ("Jonah Sefton", "jonah-sefton", "Jonah is arts editor, writing about music, film, books and the places where culture happens."),
    ];

    public static readonly IReadOnlyList<SampleArticle> Articles =
    [
        // ---------------------------------------------------------------- World
        new SampleArticle(
            "twelve-coastal-nations-sign-pact-to-protect-the-halver-sea",
            "Twelve coastal nations sign pact to protect the Halver Sea",
            "The agreement, reached after four days of talks in Kestrel Bay, closes almost a third of the sea to bottom trawling and creates a shared fund to monitor fish stocks.",
            "World",
            "Maren Holloway",
            ["oceans", "climate", "trade"],
            3,
            [
                "Twelve countries bordering the Halver Sea signed an agreement on Thursday evening that will close almost a third of its waters to bottom trawling by 2030, the most ambitious conservation deal the region has seen. Delegates applauded for several minutes as the final text was read out in the conference hall at Kestrel Bay, where talks had overrun by more than a day amid late disputes over fishing quotas and the boundaries of the protected zones.",
                "Under the pact, three large areas around the Morrow Shelf, the Tallis Deep and the northern sandbanks will become strict reserves, where only small-scale line fishing will be allowed. A wider band of coastal water will be managed jointly, with catch limits set each year by a new scientific committee. Countries that break the rules could lose access to a shared fund worth 1.4 billion dollars over ten years, intended to pay for monitoring and enforcement.",
                "Marine scientists said the deal had arrived just in time. Surveys carried out last summer found that cod and plaice numbers in the central Halver Sea had fallen to their lowest level since records began, and that seagrass beds along several coastlines had shrunk by half in two decades. “We have been measuring decline for thirty years,” said Dr Anouk Feldmann, who leads the regional fisheries survey. “For the first time we have a plan to measure recovery.”",
                "The fishing industry gave the agreement a cautious welcome. Associations representing smaller boats, which make up most of the fleet in the poorer southern states, secured a promise of compensation for crews who lose access to traditional grounds, as well as priority for local vessels in the managed zone. Larger trawler operators warned that prices for some species could rise and said they would study the detail before deciding whether to challenge the boundaries.",
                "Environmental groups, which had campaigned for a complete ban on trawling across the sea, called the pact a serious first step rather than a solution. They pointed out that enforcement will rely on satellite tracking and on patrol boats that several signatories do not yet have. The shared fund is expected to pay for new vessels and training, but the first money will not arrive until each national parliament has ratified the text.",
                "Ratification could prove the hardest part. Elections are due in three of the twelve countries within the next eighteen months, and opposition parties in at least two have questioned the cost. Officials in Kestrel Bay nonetheless said they were confident the agreement would come into force next year. The first meeting of the scientific committee has been set for the spring, when it will publish the catch limits for the coming season.",
            ],
            Image: "/images/articles/halver-sea.svg",
            ImageAlt: "Illustration of a red and white research ship on a calm blue sea at dawn, with seabirds overhead and a low coastline on the horizon",
            ImageCaption: "Survey ships will patrol the new reserves from next spring. Illustration: NewsPortal"),

        new SampleArticle(
            "drought-forces-karsland-to-ration-water-in-its-three-largest-cities",
            "Drought forces Karsland to ration water in its three largest cities",
            "Reservoirs serving more than four million people have fallen below a quarter of capacity after the driest winter in sixty years.",
            "World",
            "Maren Holloway",
            ["climate", "farming", "health"],
            52,
            [
                "Households in Karsland’s three largest cities will have their water supply cut for eight hours a night from Monday, after the government declared a national drought emergency. Reservoirs serving the capital, Velmar, and the industrial cities of Orsk and Haldeny have fallen below a quarter of their capacity following the driest winter since records began sixty years ago, and forecasters expect little rain before the autumn.",
                "The restrictions will run from ten at night until six in the morning, when demand is lowest, and officials said hospitals, care homes and fire stations would be exempt. Swimming pools, car washes and ornamental fountains have been ordered to close, and watering gardens with a hose is banned at any hour. Water companies will be able to fine repeat offenders, although the environment ministry said it hoped most people would not need to be told twice.",
                "Farmers on the central plains, where much of the country’s wheat and sunflower crop is grown, say they have already lost a season. Irrigation allowances have been cut by forty per cent, and several cooperatives have begun selling cattle early because they cannot afford to buy in feed. “We planted in hope and we are harvesting dust,” said Ilse Varnek, who farms 300 hectares outside Haldeny. “If it does not rain in May, many of us will not plant again next year.”",
                "Doctors have warned that the overnight cuts carry health risks of their own. Without pressure in the pipes, contaminated groundwater can be drawn into the network, and the national health institute has advised residents to boil tap water for the first few minutes after supply returns each morning. Pharmacies in Velmar reported strong demand for water purification tablets within hours of the announcement.",
                "Karsland has spent heavily on desalination along its southern coast in the past decade, but the plants mainly supply tourist towns and are not connected to the northern cities. Engineers said a pipeline to link them was at least four years away. In the meantime the government has asked neighbouring countries about emergency supplies by rail and barge, and has promised to repair leaking mains, which lose an estimated fifth of all treated water before it reaches a tap.",
            ],
            Image: "/images/articles/reservoir.svg",
            ImageAlt: "Illustration of a reservoir shrunk to a small pool, with dry, cracked banks, a jetty and a rowing boat stranded on the mud and a dam in the distance under a hazy sun",
            ImageCaption: "Reservoirs serving Velmar have fallen below a quarter of capacity. Illustration: NewsPortal"),

        new SampleArticle(
            "rail-link-between-estavia-and-the-morrow-ports-reopens-after-eleven-years",
            "Rail link between Estavia and the Morrow ports reopens after eleven years",
            "The first freight train in more than a decade crossed the Serran viaduct on Sunday, cutting the journey from inland factories to the coast from two days to seven hours.",
            "World",
            "Maren Holloway",
            ["transport", "trade", "jobs"],
            190,
            [
                "A freight train loaded with timber and machine parts crossed the Serran viaduct on Sunday morning, the first to run between landlocked Estavia and the Morrow ports since the line was closed by a landslide eleven years ago. Crowds gathered at stations along the route to watch it pass, and in the border town of Lisk the local brass band played as the locomotive slowed to take on a new crew.",
                "The reopening follows a four-year rebuilding programme costing about 600 million dollars, shared between Estavia, the Morrow government and a regional development bank. Engineers rebuilt almost thirty kilometres of track, stabilised the hillside above the viaduct with concrete anchors and replaced signalling that had been installed in the 1960s. Passenger services are expected to follow in the summer, once new stations have been finished.",
                "For Estavian manufacturers, the line promises to transform the cost of reaching overseas customers. Since the closure, most goods have travelled by lorry along a narrow mountain road that is frequently blocked by snow in winter. A journey that could take two days will now take about seven hours, and the rail operator says each train takes the equivalent of forty lorries off the road.",
                "Port authorities in Morrow expect the extra traffic to bring work to the docks, where container volumes have been flat for several years. The port of Saint Aubel has hired 120 staff in anticipation and is extending its rail sidings. “This line used to be the reason our port existed,” said its chief executive, Ramona Tellier. “Having it back feels like having a limb returned.”",
                "Not everyone is celebrating. Hauliers in Estavia, many of them small family firms, fear losing business, and their association has asked the government for help retraining drivers. Environmental campaigners welcomed the shift from road to rail but raised concerns about the quarrying of ballast in a protected valley. The transport ministry said it would publish an assessment of the line’s effects after its first full year of operation.",
            ]),

        new SampleArticle(
            "sabrine-islands-vote-to-move-capital-inland-as-sea-levels-rise",
            "Sabrine Islands vote to move capital inland as sea levels rise",
            "Nearly two-thirds of voters backed a plan to relocate government offices, the hospital and the main school to higher ground over the next twenty years.",
            "World",
            "Maren Holloway",
            ["climate", "elections", "oceans"],
            410,
            [
                "Voters in the Sabrine Islands have approved a plan to move their capital away from the coast, in what is believed to be the first referendum of its kind anywhere. Final results published on Tuesday showed that 64 per cent of those who took part backed the proposal, on a turnout of just over 70 per cent. Government offices, the islands’ only hospital and the main secondary school will be rebuilt on a plateau about four kilometres inland.",
                "The current capital, Port Clement, sits barely a metre above the high-tide line, and flooding during winter storms has become routine. Twice in the past three years the harbour road has been closed for a week, cutting the hospital off from the airport. A study commissioned by the islands’ parliament concluded that without defences costing several times the annual national budget, much of the town would be flooded regularly by the middle of the century.",
                "The relocation will take about twenty years and will be paid for partly by an international climate adaptation fund and partly by selling long leases on land in the old town to tourism businesses. Homeowners will not be forced to move, but those who do will be offered plots in the new settlement at a discount. Planners say the new town will be designed around walking and small electric buses.",
                "Opponents, led by a group of fishing families and shopkeepers, argued that the plan would hollow out a town with three centuries of history and that the money would be better spent on sea walls. Several said they would stay whatever happened. “My grandfather built this house with his own hands, and the sea has not taken it yet,” said Edouard Marsac, who runs a chandlery on the waterfront.",
                "The chief minister, who had campaigned for the move, said the result was not a surrender to the sea but a decision to choose where and when the islands would adapt. Work on roads and water supply for the plateau is due to start next year, and the government has promised that the old harbour will remain a working port for as long as it is safe to use.",
            ]),

        new SampleArticle(
            "aid-convoys-reach-mountain-villages-cut-off-by-tarsin-earthquake",
            "Aid convoys reach mountain villages cut off by Tarsin earthquake",
            "Relief workers say shelter and clean water are the most urgent needs, five days after a magnitude 6.8 quake destroyed roads across the northern highlands.",
            "World",
            "Maren Holloway",
            ["health", "transport"],
            655,
            [
                "The first road convoys have reached villages in the northern highlands of Tarsin that were cut off for five days by the earthquake that struck the region last week. Lorries carrying tents, blankets, water purification equipment and medical supplies got through on Monday after army engineers cleared landslides from the main valley road and built a temporary bridge over the Dessa river.",
                "The magnitude 6.8 quake, centred about forty kilometres north of the regional town of Kaval, destroyed or badly damaged an estimated 9,000 homes. The national disaster agency has confirmed 212 deaths and says more than 1,400 people have been treated for injuries. Officials warned that the figures were likely to rise as teams reached remote settlements where communication had been lost.",
                "Relief workers describe a region where many families are sleeping outdoors in freezing temperatures, afraid to return to cracked houses as aftershocks continue. “Shelter is the most urgent need, followed by clean water,” said Miriam Haddad, who coordinates a medical charity’s response in Kaval. “We are already seeing chest infections and stomach illness, and the nights are getting colder. We need more tents, and we need them this week.”",
                "Helicopters have been ferrying the seriously injured to hospitals in the capital, but poor weather grounded flights for much of Sunday. The health ministry has set up three field hospitals in school playgrounds and has asked for volunteers with surgical experience. Neighbouring countries have sent search teams, generators and mobile water plants, and several have offered to take patients who need specialist care.",
                "Engineers say it could take months to reopen every road in the highlands, where many villages are reached only by narrow tracks along steep valley sides. The government has promised compensation for families who lost their homes and has said reconstruction will follow stricter building codes. For now, aid agencies are focused on getting enough winter tents into the mountains before the first heavy snow, which is forecast within a fortnight.",
            ],
            CommentsOpen: false),

        // ---------------------------------------------------------------- Politics
        new SampleArticle(
            "hartwell-council-approves-city-wide-tram-network-after-marathon-vote",
            "Hartwell council approves city-wide tram network after marathon vote",
            "Councillors backed the £1.1bn scheme by 38 votes to 29 after a debate lasting more than eleven hours, ending a decade of argument over the city’s congested roads.",
            "Politics",
            "Daniel Okafor-Reyes",
            ["transport", "local government", "cycling"],
            5,
            [
                "Hartwell city council has approved plans for a tram network linking the city centre with its largest suburbs, after a debate that began on Wednesday afternoon and ended shortly before two in the morning. Councillors voted by 38 to 29 in favour of the £1.1bn scheme, with several members of the ruling group breaking ranks to oppose it and a handful of opposition councillors voting in support.",
                "The first line will run for fourteen kilometres from the railway station to the Fenwick Park estate and the university hospital, with a second line to the airport and the eastern business parks to follow. Trams would run every six minutes at peak times. The council says the network will take about 20,000 car journeys off the roads each day and help the city meet its target to halve transport emissions within ten years.",
                "The scheme also includes a continuous protected cycle lane alongside most of the first route, and the removal of through traffic from two shopping streets in the centre. That part of the plan drew the sharpest criticism during the debate. Traders on Corn Street presented a petition with 6,000 signatures, arguing that customers who drive in from surrounding villages would simply shop elsewhere.",
                "Opponents also questioned the cost. About half will come from a national transport fund, with the rest borrowed by the council and repaid from fares, a levy on large workplace car parks and rising business rates along the route. “We are being asked to bet the city’s finances on passenger numbers that nobody can guarantee,” said Councillor Derek Pellow, leader of the opposition group. “If they fall short, council tax payers will make up the difference.”",
                "Supporters pointed to cities of a similar size that have built trams and seen their centres revive. The council’s transport lead, Councillor Rosa Kemble, told the chamber that Hartwell had spent far too long studying the problem. “Every year we delay, the queues get longer and the air gets worse,” she said. “Tonight we finally stopped talking about it and made a decision that our children will thank us for.”",
                "Construction of the first line is due to begin next spring, with services expected to start in four years. Utility companies will spend the first eighteen months moving pipes and cables beneath the route, and the council has promised a compensation scheme for businesses affected by the roadworks. A public inquiry into the compulsory purchase of land near the hospital is expected later this year.",
            ],
            Image: "/images/articles/tram.svg",
            ImageAlt: "Illustration of a white and teal tram on a city street in front of a skyline at sunset, with overhead wires, street trees and a green cycle lane in the foreground",
            ImageCaption: "An artist’s impression of a tram on the first Hartwell line. Illustration: NewsPortal"),

        new SampleArticle(
            "caddon-vale-by-election-set-for-march-as-candidates-focus-on-rural-buses",
            "Caddon Vale by-election set for March as candidates focus on rural buses",
            "Five candidates are standing in a constituency where half the villages have lost their only bus service in the past five years.",
            "Politics",
            "Daniel Okafor-Reyes",
            ["elections", "transport"],
            70,
            [
                "The by-election in Caddon Vale will be held on the second Thursday of March, the returning officer confirmed on Monday, after the seat fell vacant when its long-serving member stood down on health grounds. Five candidates have been nominated, and all of them have put the same issue at the centre of their campaigns: the disappearance of rural bus services across one of the largest and most sparsely populated constituencies in the country.",
                "According to figures compiled by the county council, 23 of the 46 villages in the constituency have lost their only scheduled bus in the past five years. In many, the remaining service is a community minibus that runs twice a week and must be booked a day in advance. Residents without a car describe hitching lifts to hospital appointments or paying for taxis that cost more than their weekly food shopping.",
                "The candidates disagree on how to fix it. The governing party’s candidate, a former head teacher named Gwen Ashdown, is promising a ring-fenced fund for councils to subsidise routes. Her main challenger, the farmer and parish councillor Robert Tennant, wants a single county-wide bus company run by the council. A third candidate is campaigning for minibuses booked through a phone app, an idea tested with mixed results in a neighbouring county.",
                "Local polling is scarce, but party workers on all sides describe the contest as unusually open. The seat has changed hands only once in forty years, yet turnout at recent council elections has been low and several villages voted against the incumbent party for the first time last May. Campaigners say they are meeting voters who have never been canvassed before, simply because there was no way to reach them without a car.",
                "Hustings are planned in the market towns of Caddon, Penley and Ashby Cross, and organisers have arranged free minibuses from outlying villages so that people can attend. The count will take place overnight at the leisure centre in Caddon, with a result expected in the early hours of Friday. Both main parties are expected to send senior figures to campaign in the final week, and the county council has warned that some rural polling stations may open late if snow returns to the hills.",
            ]),

        new SampleArticle(
            "ministers-promise-40000-homes-on-former-industrial-land",
            "Ministers promise 40,000 homes on former industrial land",
            "A new fund will pay to clean up old factory and rail sites, but housing charities say too few of the homes will be affordable.",
            "Politics",
            "Daniel Okafor-Reyes",
            ["housing", "jobs"],
            240,
            [
                "The government has promised to build 40,000 homes over the next eight years on abandoned factory sites, railway yards and old gasworks, in a plan aimed at easing pressure on green fields around growing towns. Ministers said a £2.4bn fund would pay for the expensive work of cleaning contaminated ground and connecting sites to roads and utilities, the main reasons developers have avoided them in the past.",
                "The first fourteen sites were named on Tuesday. They include the former Dunmore steelworks in Brackmoor, railway sidings behind Hartwell station and a chemical plant on the edge of Linstead that closed in 2011. Councils will be able to bid for money for further sites from the summer, and the government has said it expects most of the new homes to be within walking distance of a railway station or a frequent bus route.",
                "The housing minister said the plan would also create jobs in regions that had lost their traditional industries. Clearing and rebuilding the sites is expected to employ about 12,000 people at its peak, and the fund will require contractors to offer apprenticeships. “These places built the country once,” the minister said. “They can house the next generation of people who keep it running.”",
                "Housing charities welcomed the focus on previously used land but criticised the target for affordable homes, which is set at a quarter of the total. “A quarter of not very much is still not very much,” said Pauline Everard of the charity Homes for Hartwell. She pointed out that more than 9,000 households were on the waiting list for social housing in Hartwell alone, and that many of the new flats would be sold at market prices.",
                "Builders’ representatives gave a warmer response but warned that shortages of bricklayers, electricians and plasterers could slow progress. Environmental groups said the government should publish a full assessment of the contamination on each site before any homes are sold. The first construction work is expected to begin next year at the Brackmoor steelworks, where demolition of the old blast furnace sheds finished last autumn.",
            ]),

        new SampleArticle(
            "schools-funding-formula-to-be-rewritten-after-cross-party-review",
            "Schools funding formula to be rewritten after cross-party review",
            "Small rural schools and those with many pupils with additional needs are expected to gain most from the changes, which will be phased in over three years.",
            "Politics",
            "Daniel Okafor-Reyes",
            ["education", "local government"],
            500,
            [
                "The formula used to decide how much money each state school receives will be rewritten from next year, after a cross-party review concluded that it had become too complicated and was failing small rural schools. The review panel, made up of members from four parties, two head teachers and a finance officer from a county council, published its findings on Thursday after eighteen months of work and more than 300 school visits.",
                "The current system has grown over two decades into a patchwork of more than forty separate factors and adjustments, many of them added to solve a single problem and never removed. Head teachers told the panel that they could not predict their budgets from one year to the next, and that some spent days each year completing grant applications worth only a few thousand pounds.",
                "The new formula will have just eight factors, with extra weight for schools in isolated areas, for pupils from low-income families and for those with additional learning needs. Schools with fewer than 100 pupils will receive a fixed sum to cover the basic costs of running a building, regardless of how many children attend. The panel estimated that about two-thirds of primary schools in rural counties would see their funding rise.",
                "Some large urban schools could lose out, although the changes will be phased in over three years and no school will lose more than two per cent of its budget in any single year. “We have tried to be honest that this redistributes money rather than adding it,” said the panel’s chair, the former head teacher Morag Lindsay. “But a system that nobody can understand is not fair to anyone.”",
                "Teaching unions broadly welcomed the simplification but said the overall level of funding was the bigger problem. Councils, which handle part of the distribution, asked for clearer guidance on their role. The education department said it would consult on the detail over the summer, with the first allocations under the new system to be published in the autumn. Head teachers will be able to see a forecast of their own school’s budget under the new rules before then.",
            ]),

        new SampleArticle(
            "voting-age-debate-returns-as-youth-assembly-delivers-its-report",
            "Voting age debate returns as youth assembly delivers its report",
            "A panel of 120 young people chosen at random recommends votes at sixteen in local elections, along with compulsory citizenship lessons in every secondary school.",
            "Politics",
            "Daniel Okafor-Reyes",
            ["elections", "education"],
            790,
            [
                "A citizens’ assembly of 120 young people aged between fourteen and twenty has recommended lowering the voting age to sixteen for local elections, reopening a debate that has divided the main parties for years. The members, chosen at random from the electoral roll and school registers to reflect the population, met over six weekends in Linstead before presenting their report to parliament on Wednesday.",
                "The assembly stopped short of recommending votes at sixteen for general elections, with members narrowly deciding that the change should first be tested at a local level. It also called for citizenship lessons to become compulsory in every secondary school, arguing that many young people leave education without knowing how councils work, how laws are made or how to register to vote.",
                "“We did not start out agreeing with each other,” said Tamsin Okoro, seventeen, one of the assembly’s members, who said her own view had changed after hearing from experts on both sides. “Some of us thought sixteen was too young. What brought people round was realising that you can pay tax and leave school at sixteen, but you have no say over the council that runs your buses and your library.”",
                "Opponents argue that the age at which people can vote should be consistent across the law and that young people are more easily swayed by social media campaigns. Supporters point to studies from places where sixteen-year-olds already vote, which suggest that people who vote in their first election are more likely to keep voting for the rest of their lives.",
                "The government has said it will respond formally within three months but has made no commitment to act. The report will be debated in parliament before the summer recess, and several backbench members have said they will table amendments to the forthcoming elections bill to put its recommendations into law. Members of the assembly have been invited to watch the debate from the public gallery, and several said they intended to keep campaigning whatever the outcome.",
            ]),

        // ---------------------------------------------------------------- Business
        new SampleArticle(
            "new-deep-water-quay-at-port-ellery-opens-to-freight",
            "New deep-water quay at Port Ellery opens to freight",
            "The £340m berth can handle the largest container ships now in service and is expected to support 1,500 jobs on the estuary by the end of the decade.",
            "Business",
            "Priya Castellane",
            ["trade", "transport", "jobs"],
            11,
            [
                "The first container ship to use the new deep-water quay at Port Ellery berthed on Tuesday morning, marking the opening of the largest expansion of the port in its 200-year history. The vessel, carrying about 9,000 containers of furniture, electronics and clothing, was guided up the estuary by two tugs and tied up alongside the new 800-metre quay shortly after high tide.",
                "The £340m project, which took four years to build, involved dredging the approach channel to a depth of sixteen metres and reclaiming fourteen hectares of land from the estuary. Six new cranes, each taller than the cathedral spire in the old town, can unload a large container ship in under two days. Until now, the biggest ships had to unload at rival ports further along the coast and send their cargo on by road.",
                "The port’s owner, Ellery Harbour Holdings, says the quay will double the number of containers it can handle each year. It estimates that the expansion will support about 1,500 jobs by the end of the decade, including crane operators, engineers and warehouse staff, as well as work for hauliers and rail freight companies. A new rail terminal alongside the quay will allow a third of containers to leave by train.",
                "Local businesses have welcomed the investment, although some residents are worried about traffic on the coast road and noise from the round-the-clock operation. The harbour company has agreed to fund acoustic fencing for the homes closest to the quay and has promised that lorries will be routed away from the village of Saltcombe. “We want to be a good neighbour, and we know that has to be earned,” said its chief executive, Fiona Laidlaw.",
                "Environmental groups had opposed the dredging, which disturbed mudflats used by wintering birds. As a condition of its planning permission, the company has created a new area of salt marsh on farmland further up the estuary, which conservationists say is already attracting waders. The port expects the next three ships to arrive before the end of the month. Harbour staff say they are already fielding calls from shipping lines keen to secure regular slots at the new berth.",
            ],
            Image: "/images/articles/harbour.svg",
            ImageAlt: "Illustration of a container ship loaded with colourful containers alongside a quay, with three tall yellow cranes and stacks of containers under an evening sky",
            ImageCaption: "The new quay at Port Ellery can take the largest container ships now in service. Illustration: NewsPortal"),

        new SampleArticle(
            "brackmoor-textile-mill-reopens-with-200-jobs-and-a-solar-roof",
            "Brackmoor textile mill reopens with 200 jobs and a solar roof",
            "A Victorian spinning mill that closed sixteen years ago will make outdoor clothing again, powered partly by panels on its restored saw-tooth roof.",
            "Business",
            "Priya Castellane",
            ["jobs", "energy"],
            95,
            [
                "Machines are running again at Calder Street Mill in Brackmoor, sixteen years after the last shift left the building and the gates were padlocked. The Victorian spinning mill, once the largest employer in the town, has been restored by a young outdoor clothing company, Fellgate, which will make waterproof jackets, fleeces and woollen socks there. About 120 people have already been hired, and the firm expects to employ 200 by the end of next year.",
                "Fellgate was founded eight years ago by two former mountain rescue volunteers who began by selling jackets from a market stall. Most of its clothing has been made by contractors abroad, but its founders say rising shipping costs, customer demand for traceable products and a regional grant made it possible to bring production home. “We wanted a factory where people could walk in and see their coat being made,” said co-founder Megan Tull.",
                "The restoration has kept the building’s distinctive saw-tooth roof but replaced the north-facing glass with modern glazing and covered the south-facing slopes with solar panels. Together with a heat pump and a battery installed in the old boiler house, the company says the panels will supply about 60 per cent of the mill’s electricity over a year. Surplus power on summer weekends will be sold to the grid.",
                "For Brackmoor, which has one of the highest unemployment rates in the region, the jobs are significant. Many of the new staff are in their twenties and have never worked in manufacturing, and the company is running a training programme with the local college. A handful of former mill workers, now in their sixties, have returned part-time to teach the younger recruits how to maintain the machines.",
                "The council, which helped to buy the building, hopes the reopening will encourage other firms to take space in the surrounding industrial streets. A bakery and a bicycle repair workshop have already signed leases on neighbouring units, and a café is planned in the mill’s former counting house, where wages were once handed out in small brown envelopes every Friday afternoon.",
            ]),

        new SampleArticle(
            "small-grocers-band-together-to-buy-direct-from-farmers",
            "Small grocers band together to buy direct from farmers",
            "A cooperative of 43 independent shops says pooling orders has cut prices on fruit and vegetables by up to 15 per cent while paying growers more.",
            "Business",
            "Priya Castellane",
            ["farming", "trade"],
            284,
            [
                "Independent grocers across the county have formed a buying cooperative to purchase fruit, vegetables and dairy products directly from farms, in an attempt to compete with supermarkets on price without squeezing growers. The Vale Grocers’ Cooperative, launched in the autumn with 21 members, now has 43 shops and is in talks with a further dozen in neighbouring counties. Its members range from village shops to greengrocers on city high streets.",
                "Until now, most small shops bought their stock from wholesalers, who add a margin for storage and delivery. By pooling orders and sharing a pair of refrigerated vans, the members can buy whole pallets directly from farms and split them between shops. The cooperative says prices on staples such as potatoes, apples and milk have fallen by between eight and fifteen per cent, while farmers receive more than they would from a wholesaler.",
                "“On our own we were too small to matter to a farmer with a hundred acres of carrots,” said Sunil Bhatt, who runs a corner shop in Linstead and chairs the cooperative. “Together we buy enough to be worth a phone call. And our customers like knowing that the carrots came from six miles down the road.” Members meet once a month to agree orders for the coming weeks, based on what growers expect to harvest.",
                "Growers say the arrangement gives them a steadier outlet for produce that supermarkets reject because of its size or shape. Kath Penrose, who grows vegetables and soft fruit near Caddon, said she now sold almost a third of her crop through the cooperative. “Supermarkets want every courgette the same length,” she said. “A shopkeeper just wants a good courgette.” She has planted an extra field of salad crops this year on the strength of the orders.",
                "The model has its limits. Deliveries depend on a small team of volunteer drivers, and the cooperative’s accounts are kept by one member in her spare time. Its committee is now applying for a grant to employ a part-time coordinator and to buy a third van, which would allow it to add bread and eggs to its range. Members say they have no plans to stop at food, and talk is already turning to household goods.",
            ]),

        new SampleArticle(
            "lenders-ease-mortgage-rules-for-first-time-buyers-in-rural-counties",
            "Lenders ease mortgage rules for first-time buyers in rural counties",
            "Three building societies will accept smaller deposits on homes covered by local occupancy rules, which restrict sales to people who live or work nearby.",
            "Business",
            "Priya Castellane",
            ["housing", "jobs"],
            460,
            [
                "Three building societies have agreed to relax their lending rules for first-time buyers of homes that can only be sold to local people, a change campaigners say could help young families stay in villages where house prices have far outstripped wages. From next month, the lenders will accept deposits of five per cent on such properties, down from the fifteen or twenty per cent that many have required.",
                "Local occupancy rules, which are attached to some new homes through planning conditions, restrict sales to people who already live or work in the area. They are intended to keep homes out of the hands of second-home owners and holiday lets, and usually mean the properties sell for a third less than similar houses nearby. But lenders have treated them cautiously, worrying that they would be difficult to sell if a borrower fell behind on payments.",
                "The change follows two years of talks between the building societies, rural councils and a housing association that manages several hundred such homes. The councils have agreed to help find buyers if a property is repossessed, reducing the risk for lenders. “It removes the one thing that made these homes so hard to buy,” said Owen Trelawny, housing officer at Caddon Vale district council.",
                "In the district, the average house now costs about eleven times the average local salary, and estate agents estimate that a quarter of homes in some coastal villages are second homes or holiday lets. Employers including the district hospital and several schools say they struggle to recruit staff who cannot find anywhere affordable to live within commuting distance. Some have begun offering staff help with deposits.",
                "Mortgage brokers welcomed the move but said it would help only a limited number of people, because relatively few homes carry occupancy conditions. The housing association said it hoped the change would encourage councils to attach the rules to more new developments, and that other lenders would follow the building societies’ lead within the year. Councillors in Caddon Vale said they would review their planning policies in the autumn.",
            ]),

        new SampleArticle(
            "linstead-battery-start-up-raises-funds-to-build-its-first-factory",
            "Linstead battery start-up raises funds to build its first factory",
            "Saltwick Energy, which makes storage batteries from sodium rather than lithium, says its plant could employ 350 people within three years.",
            "Business",
            "Priya Castellane",
            ["energy", "jobs", "climate"],
            700,
            [
                "A battery company founded in a university laboratory in Linstead has raised £85m from investors to build its first full-scale factory, on the site of a former power station on the edge of the town. Saltwick Energy makes large batteries that store electricity from wind and solar farms, using sodium, a cheap and abundant element found in ordinary salt, in place of the lithium used in most batteries today.",
                "The company was set up five years ago by three chemists who had been working on sodium batteries at Linstead University. Its batteries hold less energy for their weight than lithium ones, making them unsuitable for cars or phones, but the founders argue that weight matters little for a battery that sits in a shipping container beside a wind farm. What matters, they say, is cost, safety and the ability to charge and discharge thousands of times.",
                "“Lithium batteries are brilliant, but they were designed to be carried around,” said the chief executive, Dr Hannah Roskilly. “Grid storage has different needs. Our materials are cheap, they do not catch fire easily, and we do not depend on a handful of mines on the other side of the world.” The company has been making batteries in small numbers at a pilot plant and has supplied two trial installations at solar farms in the region.",
                "The new factory is expected to begin production in two years and to employ 350 people within three, many of them in skilled technical roles. The former power station site was chosen partly because it already has a strong connection to the electricity grid. The council has agreed to fast-track planning permission and is working with the local college on a course in battery manufacturing.",
                "Energy analysts say cheap storage will be essential as more of the country’s electricity comes from wind and sun, which do not always generate when demand is highest. But the market is competitive, and several sodium battery start-ups elsewhere have struggled to move from laboratory to factory. Saltwick says it already has provisional orders covering its first eighteen months of output.",
            ]),

        // ---------------------------------------------------------------- Technology
        new SampleArticle(
            "hospitals-trial-ai-tool-that-drafts-discharge-letters",
            "Hospitals trial AI tool that drafts discharge letters",
            "Doctors at two hospitals say the software saves them up to an hour a shift, but every letter is still checked and signed by a clinician before it is sent.",
            "Technology",
            "Tomasz Webb",
            ["ai", "health"],
            15,
            [
                "Two hospitals in the region have begun a six-month trial of software that uses artificial intelligence to draft the letters sent to family doctors when a patient leaves hospital. Junior doctors at Hartwell General and the Linstead Royal Infirmary say writing discharge summaries can take up to two hours of a busy shift, and that delays in completing them are one of the main reasons patients wait on wards after they are well enough to go home.",
                "The tool, developed by a small company spun out of Ashby University, reads the patient’s electronic record, including test results, medication changes and notes from ward rounds, and produces a first draft of the letter in a standard format. A doctor then reviews it, corrects any errors and signs it off. Nothing is sent without that check, and the software has no ability to change the patient’s record.",
                "Early results are encouraging, according to the hospitals. In the first month, doctors accepted about seven in ten drafts with only minor changes, and the average time spent on each letter fell from twenty minutes to about eight. “It is very good at the tedious parts, like listing every medicine and dose,” said Dr Ellen Marsh, a junior doctor in Hartwell. “Where it still needs us is in explaining what actually happened and what the family doctor should watch for.”",
                "Patient groups have asked for clear rules about how the data is handled. The hospitals say the software runs on their own servers, that records are not used to train the underlying model and that patients can ask for their letters to be written without it. An independent team at Ashby University is checking a sample of letters each week for errors, including any details the software may have invented.",
                "If the trial is judged a success, the health board intends to offer the tool to all seven hospitals in the region next year. Doctors’ representatives say they support the idea, provided the time saved goes back into caring for patients rather than being used to justify fewer staff on the wards. A final report on the trial, including the error checks carried out at Ashby, will be published when it ends in the autumn.",
            ]),

        new SampleArticle(
            "rural-broadband-scheme-misses-target-as-cable-crews-run-short",
            "Rural broadband scheme misses target as cable crews run short",
            "Only 61 per cent of the homes promised full-fibre connections by this spring have been reached, with the contractor blaming a shortage of trained engineers.",
            "Technology",
            "Tomasz Webb",
            ["local government", "jobs"],
            128,
            [
                "A scheme to bring fast broadband to remote homes in three rural counties has fallen well behind schedule, with only 61 per cent of the promised connections completed by the spring deadline. The councils that commissioned the work said on Monday that about 14,000 properties still had to be reached, most of them farms and cottages at the end of long lanes where laying cable is slow and expensive.",
                "The contractor, Brackenlink Networks, blamed a national shortage of engineers qualified to splice fibre-optic cable and work on telegraph poles. It said it had lost several crews to larger projects in cities, where the work is quicker and the pay is often higher. Wet weather through the winter also delayed digging on farmland, where landowners had asked that trenches not be cut while fields were waterlogged.",
                "For residents still waiting, the delays are frustrating. Many rely on connections so slow that video calls are impossible, and farmers say they struggle to file paperwork and run modern machinery that depends on online services. “My children do their homework in the car outside the village hall, because that is where the signal is,” said Annie Colvin, who lives on a hill farm above Penley.",
                "The councils have agreed a revised timetable with the contractor, which now aims to finish by the end of next year. To tackle the skills shortage, the company will open a training centre in Caddon with places for 60 apprentices a year, and it has promised to recruit locally. Councillors have also asked for monthly progress reports showing which villages are due to be connected next.",
                "In the meantime, the councils will offer grants towards satellite broadband for the households facing the longest waits. Critics say the scheme should have been planned with the skills shortage in mind from the start, and that residents have been given too many promises that were not kept. Brackenlink says it is confident the new timetable will be met, and that the apprentices trained in Caddon will keep the network running for years to come.",
            ]),

        new SampleArticle(
            "ravensford-opens-its-traffic-data-to-app-developers",
            "Ravensford opens its traffic data to app developers",
            "Live information from traffic lights, car parks and buses will be free to use, as the city hopes local programmers will build tools that ease congestion.",
            "Technology",
            "Tomasz Webb",
            ["transport", "local government"],
            322,
            [
                "Ravensford city council has begun publishing live data from its traffic lights, car parks and bus fleet for anyone to use free of charge, in the hope that local software developers will build apps that help people get around the city more easily. The information, updated every thirty seconds, includes the number of free spaces in each council car park, the position of every bus and the timing of signals at 140 junctions.",
                "Until now, the data was used only by the council’s own traffic control room, where a team of six monitors cameras and adjusts signal timings during the rush hour. Officials say that opening it up costs little, because the information was already being collected, and that outside developers are likely to think of uses the council never would. A similar move by another city led to apps for wheelchair users and delivery riders.",
                "A weekend event at the city library, where programmers were invited to experiment with the data, produced about twenty prototypes. They included a tool that warns cyclists when a run of green lights is coming, a map showing which car parks are likely to be full by the time a driver arrives, and a service that tells bus passengers whether they will make a connection. The winning team, three students from Ravensford College, received a small grant to develop their idea.",
                "The council has been careful to address privacy concerns. The published information contains no images from cameras and no details of individual vehicles, and bus locations are delayed by a few seconds so that drivers cannot be tracked in real time. A civil liberties group said it was satisfied with the safeguards but would keep a close eye on any future plans to add more data.",
                "The council’s head of transport said the project was also a way of building trust. “People can now see exactly what we see,” he said. “If they think a junction is badly timed, they can check the numbers for themselves and tell us. Some of the best ideas we have had in recent years came from residents who simply noticed something we had missed.”",
            ]),

        new SampleArticle(
            "northmere-schools-swap-tablets-for-textbooks-in-reading-pilot",
            "Northmere schools swap tablets for textbooks in reading pilot",
            "Eight primary schools have returned to printed books for reading lessons after teachers noticed pupils skimming rather than reading on screens.",
            "Technology",
            "Tomasz Webb",
            ["education", "books"],
            545,
            [
                "Eight primary schools in Northmere have put away the tablet computers they used for reading lessons and gone back to printed books, in a year-long pilot that will test whether children read more carefully on paper. The schools bought the tablets five years ago with money from a technology grant, and they will continue to use them for other subjects, including maths practice and music.",
                "Teachers said the idea came from their own observations. Pupils reading on screens tended to scroll quickly to the end of a passage, tap on animations and lose their place, while the same children reading a printed book were more likely to go back over a difficult paragraph. “We were not against technology,” said Claire Dunmore, head teacher at St Anselm’s primary. “We just noticed that reading on a tablet had quietly become something different.”",
                "Researchers from Northmere University will compare the reading scores of about 600 children in the pilot schools with those of children in similar schools that keep using tablets. They will also record how long pupils spend on each passage and test how much they remember a week later. Earlier studies have found that adults tend to understand long texts slightly better on paper, but the evidence on young children is more limited.",
                "The switch has not been cheap. The schools have spent about £30,000 between them on new class sets of books, helped by donations from a local bookshop and a charity that supports school libraries. Parents have been largely supportive, though a few have questioned whether children should be prepared for a world in which most reading happens on screens. Teachers say the new books are already showing signs of heavy use.",
                "The researchers stress that the pilot is not intended to prove that screens are bad. “Tablets are excellent for some things,” said Dr Ruth Ingleby, who leads the study. “The question is whether they are the right tool for teaching a seven-year-old to concentrate on a story. We hope to have a better answer by next summer.” The findings will be shared with other councils considering similar changes.",
            ]),

        new SampleArticle(
            "farm-robots-learn-to-pick-soft-fruit-without-bruising-it",
            "Farm robots learn to pick soft fruit without bruising it",
            "A strawberry grower near Caddon is using machines guided by AI to harvest at night, easing a shortage of seasonal workers.",
            "Technology",
            "Tomasz Webb",
            ["ai", "farming", "jobs"],
            760,
            [
                "Under glass on a farm outside Caddon, a row of robots moves slowly between the strawberry plants, pausing every few seconds to reach in with a soft rubber gripper and pluck a single ripe berry. The machines, each about the size of a garden shed, work through the night under their own lights and deliver punnets of fruit to the packhouse before the first human staff arrive at dawn.",
                "They are the result of three years of development by Harrowfield Robotics, a company based at the agricultural college in Penley. Each robot uses cameras and an AI system trained on hundreds of thousands of pictures of strawberries to decide whether a berry is ripe and how to approach it without damaging the fruit around it. The company says its machines now pick about nine in ten ripe berries and bruise fewer than one in a hundred.",
                "The grower, Tom Askew, says he turned to robots because he could no longer find enough seasonal pickers. “Ten years ago I had a waiting list of people wanting to work here every summer,” he said. “Last year I left fruit rotting on the plants because there was nobody to pick it.” He now uses eight robots alongside a smaller team of human pickers, who concentrate on the trickier plants at the ends of rows.",
                "The robots are still slower than an experienced picker, and they struggle with berries hidden deep inside the leaves. At about £60,000 each, they are also out of reach for many small farms, although Harrowfield plans to rent them out by the season. Farm workers’ representatives say automation is inevitable but want growers to retrain staff as robot technicians rather than simply cut jobs.",
                "Researchers at the college are now working on versions that can pick raspberries and tomatoes, which present different problems. Raspberries are more delicate still, while tomatoes grow in dense trusses that make it hard for a camera to see every fruit. The team hopes to begin field trials of a raspberry picker next summer. If it succeeds, the college believes robots could be working in raspberry fields across the region within five years.",
            ]),

        // ---------------------------------------------------------------- Science
        new SampleArticle(
            "astronomers-at-caddon-hill-spot-a-comet-that-could-be-visible-to-the-naked-eye",
            "Astronomers at Caddon Hill spot a comet that could be visible to the naked eye",
            "The newly discovered comet is expected to be brightest in the evening sky in late spring, when it may be seen without binoculars from dark rural areas.",
            "Science",
            "Tomasz Webb",
            ["space", "education"],
            21,
            [
                "Astronomers at the Caddon Hill Observatory have discovered a comet that could become bright enough to see with the naked eye in the spring, the first such discovery made from the observatory in its ninety-year history. The object was spotted on images taken during a routine survey on Tuesday night by a research student, Leah Marwick, who noticed a faint smudge that had moved slightly between two photographs taken an hour apart.",
                "Follow-up observations from telescopes in three other countries confirmed the find within two days, and the comet has been given an official designation along with Marwick’s name. Calculations of its orbit suggest it is making its first journey into the inner solar system from the distant cloud of icy bodies that surrounds the Sun, which means nobody can be sure how it will behave as it warms up.",
                "“Comets are notoriously hard to predict,” said Professor Alan Greaves, the observatory’s director. “Some brighten spectacularly, and others break apart or simply fizzle. But if this one follows the typical pattern, it should be visible low in the western sky after sunset in late May, with a tail that people in dark areas could see without binoculars.” He added that it posed no danger to Earth, passing no closer than about 90 million kilometres.",
                "For Marwick, who is in the second year of her doctorate, the discovery came as a surprise. She had been checking the survey images for asteroids as part of her training. “I thought it was a fault on the camera at first,” she said. “Then it showed up in the next image, in a slightly different place, and I went to find someone more senior. Nobody believed me until they saw it for themselves.”",
                "The observatory, which is run by Ashby University and opens to the public on Friday evenings, says it has been overwhelmed with requests for visits. It plans to hold extra open nights as the comet approaches, and its outreach team is preparing guidance for schools on how to observe it safely and record what they see. Early booking is advised, and the observatory has asked visitors to share cars where possible, as parking on the hilltop is limited.",
            ],
            Image: "/images/articles/observatory.svg",
            ImageAlt: "Illustration of an observatory dome with its telescope pointing out of the open slit on a hilltop at night, with a bright comet and its tail in a starry sky and a crescent moon",
            ImageCaption: "The Caddon Hill Observatory, where the comet was first spotted. Illustration: NewsPortal"),

        new SampleArticle(
            "offshore-wind-turbines-become-unexpected-reefs-survey-finds",
            "Offshore wind turbines become unexpected reefs, survey finds",
            "Divers and underwater cameras found mussels, crabs and young cod thriving around the foundations of the Gannet Bank wind farm, ten years after it was built.",
            "Science",
            "Maren Holloway",
            ["energy", "oceans", "climate"],
            150,
            [
                "The foundations of an offshore wind farm have become home to a thriving community of sea life, according to the most detailed survey yet of the Gannet Bank turbines, twenty kilometres off the coast of Kestrel Bay. Researchers from the Kestrel Marine Institute found that each of the steel and concrete bases now supports several tonnes of mussels, along with anemones, crabs, lobsters and shoals of young fish.",
                "The wind farm was built ten years ago on an area of flat, sandy seabed where there was little for marine creatures to cling to. The survey, which used divers, underwater drones and cameras lowered from a research boat, found that the rocks placed around each foundation to stop currents scouring the sand had created miniature reefs. Young cod and pollack were far more common close to the turbines than on open seabed a kilometre away.",
                "“We expected some colonisation, but not on this scale,” said Dr Sofia Brennan, who led the study. “In some places it is hard to see the steel at all for the mussels.” Because fishing with nets is restricted inside the wind farm for safety reasons, the area has also acted as an informal refuge, allowing fish to grow larger than they would elsewhere.",
                "The findings are not entirely positive. The researchers found some species that are not native to the area, which may be using the turbines as stepping stones to spread along the coast. Seabirds such as gannets, which gave the bank its name, tend to avoid the turbines, and scientists are still studying whether that affects their feeding. Noise during construction is also known to disturb porpoises.",
                "The institute says its results should help decide what happens when offshore wind farms reach the end of their working lives, usually after twenty-five to thirty years. Current rules generally require the structures to be removed entirely. Some ecologists now argue that leaving the lower parts of the foundations in place could be better for marine life, although fishing groups say the seabed should be returned to how it was.",
            ],
            Image: "/images/articles/wind-farm.svg",
            ImageAlt: "Illustration of rows of white offshore wind turbines standing in a calm sea under a pale blue sky, with a small orange and white crew boat in the foreground",
            ImageCaption: "The Gannet Bank wind farm lies twenty kilometres off Kestrel Bay. Illustration: NewsPortal"),

        new SampleArticle(
            "seagrass-meadows-recovering-along-the-kestrel-coast",
            "Seagrass meadows recovering along the Kestrel coast",
            "Volunteers have replanted more than four hectares of seabed over five years, and scientists say the meadows are now spreading on their own.",
            "Science",
            "Maren Holloway",
            ["oceans", "climate"],
            350,
            [
                "Seagrass meadows that were almost wiped out along the Kestrel coast are recovering, five years after volunteers began replanting them by hand. A survey published this week by the Kestrel Marine Institute found that the replanted areas have grown from just under a hectare to more than four, and that new patches are now appearing naturally in bays where no seeds were sown.",
                "Seagrass is a flowering plant that grows in shallow, sheltered water, and it once covered large areas of the coast. Scientists value it because it shelters young fish and seahorses, calms waves and stores carbon in the sediment beneath it far faster than many forests on land. Pollution, boat moorings and disease caused most of the local meadows to disappear during the last century.",
                "The restoration began with a small group of divers and students collecting seeds from surviving plants each summer. The seeds are stored over winter in tanks at the institute, then packed into hessian bags filled with sand and dropped by hand from boats into shallow water. Over five years, more than 600 volunteers have taken part, from schoolchildren to retired fishermen.",
                "“When we started, people told us it was a nice idea that would never work at any scale,” said Dr Nadia Kerslake, the ecologist who leads the project. “Now we are seeing fish and cuttlefish using meadows that we planted from seed. The sea is doing most of the work for us.” The survey recorded twice as many species in the replanted areas as on bare seabed nearby.",
                "The project’s next challenge is moorings. Traditional anchor chains drag across the seabed as boats swing with the tide, scouring bare circles in the seagrass. The harbour authority has agreed to trial new moorings that float above the seabed, and the institute hopes the design will be adopted along the whole coast within the next few years. Volunteers will return to the water in June to collect this year’s seeds.",
            ]),

        new SampleArticle(
            "blood-test-could-spot-kidney-disease-years-earlier-ashby-researchers-say",
            "Blood test could spot kidney disease years earlier, Ashby researchers say",
            "A study of more than 8,000 patients found that a panel of seven proteins in the blood predicted kidney decline up to five years before standard tests.",
            "Science",
            "Tomasz Webb",
            ["health", "ai"],
            580,
            [
                "A simple blood test could identify people at risk of chronic kidney disease several years before the condition is picked up by current methods, according to researchers at Ashby University. Their study, which followed more than 8,000 patients for up to a decade, found that levels of a small group of proteins in the blood predicted a decline in kidney function up to five years before standard tests showed anything wrong.",
                "Chronic kidney disease affects roughly one adult in ten and often causes no symptoms until the kidneys are seriously damaged. It is usually detected through routine tests of blood and urine, but by the time those results change, much of the damage may be irreversible. Earlier diagnosis would allow doctors to start treatment, such as controlling blood pressure and adjusting medicines, while there is still more kidney function to protect.",
                "The team used machine learning to sift through measurements of more than 3,000 proteins in stored blood samples, looking for patterns in people whose kidneys later declined. They narrowed the list to seven proteins that, taken together, gave the most accurate prediction. “The computer found the needle, but we then had to check that the needle made biological sense,” said Professor Mei Lin Carver, who led the study. Several of the proteins are linked to inflammation and scarring.",
                "The researchers caution that the test is not ready for routine use. It now needs to be tried in a larger and more varied group of patients, including people from ethnic groups at higher risk of kidney disease, who were under-represented in the original study. The cost of measuring the proteins would also need to fall before the test could be offered widely.",
                "Kidney charities welcomed the findings. A spokesperson for the patients’ group Kidney Care North said earlier diagnosis could spare thousands of people from dialysis each year and give them more years of ordinary life. The Ashby team hopes to begin a larger trial in family doctors’ surgeries next year, with results expected within three years. Kidney Care North said it would help recruit volunteers for the trial.",
            ]),

        new SampleArticle(
            "satellite-built-by-linstead-students-reaches-orbit",
            "Satellite built by Linstead students reaches orbit",
            "The shoebox-sized spacecraft will photograph the coastline to track erosion, and pupils at local schools will help decide where it points its camera.",
            "Science",
            "Tomasz Webb",
            ["space", "education", "climate"],
            826,
            [
                "A satellite the size of a shoebox, designed and built by students at Linstead University, is in orbit after being launched on a commercial rocket alongside more than forty other small spacecraft. The team confirmed on Thursday morning that they had received the first signals from the satellite, named Kittiwake, as it passed over the university’s ground station on its third orbit.",
                "Kittiwake carries a small camera that will photograph the coastline of the region to help researchers track erosion, which has accelerated in recent years along the soft cliffs south of Kestrel Bay. Its images are not detailed enough to show individual houses, but they can show how far the cliff edge has retreated between passes and where sand is building up or washing away.",
                "About sixty students have worked on the project over four years, many of them undergraduates who joined as volunteers. They designed the circuit boards, wrote the software and tested the satellite in a vacuum chamber and on a vibration table to make sure it would survive the launch. “Every single part of this thing has someone’s fingerprints on it,” said the project’s student leader, Aidan Fairlie. “Seeing it work is unbelievable.”",
                "The team has also built an education programme around the mission. Pupils at twelve secondary schools in the region will be able to request images of places they choose, and the university has produced lesson plans on orbits, radio and coastal change. The first school requests will be taken next month, once engineers have finished checking the satellite’s systems. Teachers say demand is already high.",
                "Kittiwake is expected to remain in orbit for about three years before it gradually drops into the upper atmosphere and burns up, leaving no debris behind. The students are already planning a second satellite, which would carry an instrument to measure the temperature of the sea surface, and have begun asking local companies for sponsorship. Applications to join the team have doubled since the launch.",
            ]),

        // ---------------------------------------------------------------- Sport
        new SampleArticle(
            "port-ellery-athletic-stun-league-leaders-with-stoppage-time-winner",
            "Port Ellery Athletic stun league leaders with stoppage-time winner",
            "Teenage substitute Kofi Mensah-Hart scored with the last kick of the game to end Ravensford City’s eighteen-match unbeaten run.",
            "Sport",
            "Eilidh Marchetti",
            ["football", "local government"],
            8,
            [
                "Port Ellery Athletic ended Ravensford City’s eighteen-match unbeaten run on Saturday with a stoppage-time winner from a seventeen-year-old substitute, sending a record crowd at the Quayside Ground into raptures. Kofi Mensah-Hart, on the pitch for barely six minutes, met a deep cross from the left at the far post and steered a header past the goalkeeper with the final action of the match to seal a 2-1 victory.",
                "Ravensford had looked comfortable for long spells. Their captain, Declan Hurst, gave them the lead midway through the first half with a low shot from the edge of the area, and they twice hit the post before the break. But Athletic, who began the day fourteenth in the table, grew into the game after their manager, Stuart Royle, switched to three central defenders and pushed his full-backs higher up the pitch.",
                "The equaliser came just after the hour, when the Athletic midfielder Lewis Okonjo won the ball in the centre circle, played a quick one-two and drove a shot into the bottom corner from twenty-five yards. The home side then survived a long period of pressure, with their goalkeeper making two fine saves from close range, before the late drama that sent the home crowd wild.",
                "“I just tried to get across the defender and keep my eyes on the ball,” said Mensah-Hart, who joined the club’s academy at the age of nine and was making only his third senior appearance. “I didn’t really know what had happened until everyone landed on top of me.” Royle praised his players’ resilience and said the youngster had earned his chance with his performances in training.",
                "The attendance of 11,412 was the largest since the council-owned ground was rebuilt three years ago, helped by a scheme offering free tickets to local schoolchildren. Ravensford remain top of the table, four points clear, but their manager admitted his side had been punished for failing to take their chances. Athletic, now eleventh, travel to Brackmoor Rovers next weekend. It was their first league defeat since August.",
            ],
            Image: "/images/articles/stadium.svg",
            ImageAlt: "Illustration of a floodlit football stadium at dusk, with a striped green pitch, players in red and navy kits and a packed stand behind",
            ImageCaption: "The Quayside Ground drew its biggest crowd since it was rebuilt. Illustration: NewsPortal"),

        new SampleArticle(
            "hartwell-hawks-hand-women-cricketers-their-first-professional-contracts",
            "Hartwell Hawks hand women cricketers their first professional contracts",
            "Fourteen players will be paid to train full-time for the first time, ending years of balancing matches with jobs as teachers, nurses and accountants.",
            "Sport",
            "Eilidh Marchetti",
            ["cricket", "jobs"],
            110,
            [
                "Fourteen players from the Hartwell Hawks women’s cricket team have signed full-time professional contracts, the first in the club’s history. Until this season, every member of the squad combined cricket with another job, fitting training around shifts as teachers, nurses, accountants and shop workers, and often using their holiday to play in midweek matches. Some players had given up promotions at work to keep playing.",
                "The contracts, which run for two years, have been made possible by a new sponsorship deal with a regional building society and by an increase in funding from the national governing body. Salaries are modest compared with those in men’s cricket, but the club says they are enough for players to give up their other jobs and train together five days a week under a full-time coaching staff.",
                "“I have been getting up at five to bowl in the nets before a day of teaching for eight years,” said the Hawks captain, Rhiannon Pask. “To walk into training knowing this is my job now is something I honestly didn’t think would happen while I was still playing.” Several players said they planned to keep in touch with their old workplaces, and two will continue to coach at local schools.",
                "The club finished third in the national league last season despite its part-time status, and its director of cricket believes full-time training can make it a genuine contender. A new strength and conditioning programme began this month, and the squad will travel abroad for a pre-season training camp for the first time in the spring. The club’s first match as a fully professional side is in April.",
                "The move has been welcomed by campaigners for women’s sport, who point out that many players have given up the game in their twenties because they could not afford to keep playing. Attendances at Hawks home matches have doubled in three years, and the club hopes that a full-time team will attract further sponsors and larger crowds. Tickets for the opening home fixture go on sale next week.",
            ]),

        new SampleArticle(
            "kestrel-bay-to-host-first-international-cricket-match-in-30-years",
            "Kestrel Bay to host first international cricket match in 30 years",
            "The seaside ground will stage a one-day match in August, with extra trains and a park-and-ride to handle crowds of up to 9,000.",
            "Sport",
            "Eilidh Marchetti",
            ["cricket", "transport"],
            262,
            [
                "The cricket ground at Kestrel Bay will host an international match for the first time in thirty years after the governing body confirmed on Wednesday that it would stage a one-day fixture in August. The seaside ground, famous for its sloping outfield and the view of the harbour from the pavilion, fell out of favour because of its small capacity and poor transport links.",
                "The club has spent the past five years improving its facilities, with a new stand on the town side of the ground, modern changing rooms and upgraded floodlights paid for by a combination of grants and a members’ fundraising appeal. Temporary seating will raise the capacity to about 9,000 for the match, almost three times the crowd at a typical county fixture.",
                "Getting spectators there remains the biggest challenge. Kestrel Bay is at the end of a single-track branch line, and the coast road becomes congested on summer weekends. The club is working with the rail operator to run extra trains from Hartwell on the day, and the council will set up a park-and-ride on farmland outside the town, with buses running every ten minutes from three hours before the start.",
                "“People have told us for years that this ground was too small and too far away for international cricket,” said the club’s chief executive, Martin Colebrook. “We have spent a long time proving them wrong, and we are determined to show what a seaside match can be.” Hotels in the town report that bookings for the weekend are already strong.",
                "The opposition for the match will be announced when the full summer schedule is published next month. Tickets will go on sale to club members first, with a share set aside for local schools and junior clubs, many of whose players have never seen international cricket in person. The club is also recruiting around 200 volunteer stewards, and says local residents will be given priority when the first places are allocated.",
            ]),

        new SampleArticle(
            "brackmoor-rovers-supporters-trust-takes-control-of-stadium",
            "Brackmoor Rovers supporters’ trust takes control of stadium",
            "Fans raised £1.8m through a community share offer to buy the Mill Lane ground from a property company, with help from a council loan.",
            "Sport",
            "Eilidh Marchetti",
            ["football", "local government"],
            434,
            [
                "Supporters of Brackmoor Rovers have taken ownership of the club’s Mill Lane stadium, ending years of uncertainty over whether the ground would be sold for housing. The Rovers Supporters’ Trust completed the purchase on Friday after raising £1.8m through a community share offer and securing a loan from the borough council to cover the rest of the price. The deal was finalised hours before a deadline set by the seller.",
                "The ground, where Rovers have played since 1896, was bought by a property company twelve years ago during a period of financial trouble at the club. The company charged rent that the club’s directors described as crippling and applied twice for planning permission to build flats on the site. Both applications were refused after thousands of objections from supporters and residents.",
                "More than 4,300 people bought shares in the trust’s offer, with the minimum investment set at £50 to allow as many fans as possible to take part. Each shareholder has one vote, regardless of how much they invested. “This ground belongs to the town now, and nobody can take it away,” said the trust’s chair, Bernadette Quigley, who has followed the club for more than fifty years.",
                "The council’s loan, repayable over twenty-five years, was approved by councillors from all parties. The leader of the council said the stadium was an important part of the town’s identity and that its loss would have been felt far beyond football. The trust plans to rent the ground back to the club at a nominal rate and to open the clubhouse for community use on non-match days.",
                "The club itself, which plays in the fifth tier, remains separately owned, although the trust has a seat on its board. Players and staff joined supporters for a celebration on the pitch on Saturday before the home match against Northmere Town, which Rovers won 3-0 in front of their biggest crowd of the season. The trust’s first annual meeting as owner will be held in the clubhouse next month.",
            ]),

        new SampleArticle(
            "linstead-velodrome-to-reopen-after-two-years-of-roof-repairs",
            "Linstead velodrome to reopen after two years of roof repairs",
            "The indoor cycling track, used by national squad hopefuls and a thriving club of older riders, will reopen in May with cheaper sessions for beginners.",
            "Sport",
            "Eilidh Marchetti",
            ["cycling", "health"],
            620,
            [
                "The indoor cycling track in Linstead will reopen in May after two years of repairs to its leaking roof, the city council has confirmed. The velodrome, which opened more than twenty years ago, was closed suddenly when engineers found that water had been seeping into the timber track for several years, damaging sections of the boards and corroding steel supports in the roof.",
                "The repairs have cost about £9m, more than double the original estimate, after further problems were found once work began. The roof has been replaced entirely, the track has been relaid using timber from sustainably managed forests, and new heating and ventilation systems have been installed to keep the boards at a stable temperature. Solar panels on the roof will cover part of the building’s electricity use.",
                "The closure forced the city’s cycling clubs to travel more than two hours to train on another track, and several young riders on national development programmes moved away to be closer to it. Coaches say the reopening will allow them to rebuild their junior squads. “We lost a generation of kids who would have tried track cycling for the first time,” said Jo Thackeray, head coach of Linstead Wheelers.",
                "The velodrome is also popular with older riders. A club for cyclists over sixty, which had more than 200 members before the closure, has kept meeting for rides on the road and is planning a return to the boards on the opening weekend. Doctors involved with the club say regular cycling has helped members recover from heart surgery and manage conditions such as arthritis and diabetes.",
                "To attract new riders, the council will offer taster sessions for beginners at half the previous price, with bikes and helmets provided. Schools will be able to book free sessions on weekday mornings during the first term after the reopening, and the Wheelers are planning an open day with coaching for families. Booking for the opening weekend opens next month, and the council expects the first sessions to sell out quickly.",
            ]),

        // ---------------------------------------------------------------- Culture
        new SampleArticle(
            "harbour-lights-festival-puts-local-bands-at-the-top-of-its-bill",
            "Harbour Lights festival puts local bands at the top of its bill",
            "For its tenth year, the Port Ellery festival has dropped big-name headliners in favour of acts from within thirty miles, and says ticket sales have never been stronger.",
            "Culture",
            "Jonah Sefton",
            ["music", "arts"],
            30,
            [
                "The Harbour Lights festival in Port Ellery will be headlined entirely by local acts this summer, after organisers decided to spend their budget on homegrown talent rather than touring stars. The line-up for the tenth edition, announced on Tuesday, features more than sixty bands and solo artists, all of whom live within thirty miles of the harbourside site. Organisers say it is the first major festival in the region to do so.",
                "Top of the bill on the main stage are the folk-rock group Tidewrack, who formed at a Port Ellery secondary school and have spent the past two years touring abroad, and the soul singer Marisol Ferreira, whose debut album was recorded in a converted net loft on the quay. The Sunday night headliner is the Brackmoor Colliery Band, a brass ensemble founded in 1889, which will play with a string section and a choir of 200 local schoolchildren.",
                "The festival’s director, Nell Hathersage, said the decision had begun as a way to control costs after the fees demanded by well-known acts doubled in five years. “We found that the most exciting music in our line-up was always happening on the smaller stages,” she said. “So we asked ourselves what would happen if we put those bands in front of the biggest crowds.” Early ticket sales are up by a third on last year.",
                "The change has been welcomed by musicians, who say there are few opportunities to play to large audiences without leaving the region. Several venues in the town have closed in the past decade, and the festival has agreed to share part of its profits with a fund that supports rehearsal spaces and small stages. Local businesses also expect to benefit, as visitors will be encouraged to explore the old town between sets.",
                "The festival will take place over three days in late July, with the main stage built on the quayside for the first time. Weekend tickets include free travel on the town’s buses, and organisers have added a quiet area for families and a stage dedicated to young performers under eighteen. Day tickets will go on sale next month, with a limited number reserved at a reduced price for residents of the town.",
            ],
            Image: "/images/articles/concert-stage.svg",
            ImageAlt: "Illustration of an outdoor concert stage by the water at dusk, with coloured spotlights, a band on stage, strings of festoon lights and a crowd silhouetted in the foreground",
            ImageCaption: "The main stage will stand on the quayside for the first time this year. Illustration: NewsPortal"),

        new SampleArticle(
            "film-shot-in-caddon-vale-wins-festival-audience-award",
            "Film shot in Caddon Vale wins festival audience award",
            "The Long Field, a quiet drama about a farming family, was made on a small budget with a cast that included dozens of local residents.",
            "Culture",
            "Jonah Sefton",
            ["film", "arts", "farming"],
            170,
            [
                "A low-budget film shot entirely in Caddon Vale has won the audience award at one of the country’s leading film festivals, beating productions with many times its budget. The Long Field, a quiet drama about three generations of a farming family deciding whether to sell their land, was filmed over six weeks last summer on farms and in villages across the valley, with local residents in many of the speaking parts.",
                "The film’s director, Cerys Allingham, grew up on a farm near Penley and wrote the script after her own family went through a similar decision. She said she wanted to make a film about the countryside that did not treat it as scenery. “Most films I see about rural life are either nostalgic or grim,” she said. “I wanted to show how ordinary and complicated it is, and how funny people can be even when things are going badly.”",
                "Only the three leading roles were played by professional actors. The rest of the cast was found through open auditions held in village halls, and includes a retired vet, a school bus driver and several members of a local choir. The crew was small enough to fit into two minibuses, and much of the equipment was borrowed from a film course at the regional college.",
                "Critics have praised the film’s patient pace and its performances, particularly that of the veteran actor Malcolm Trevaskis as the grandfather who refuses to accept that the farm cannot survive. The festival audience gave it a standing ovation at its first screening, and several distributors are now reported to be interested in releasing it in cinemas. Allingham said she would insist that any release began in the valley.",
                "In Caddon Vale, the success has caused great excitement. The film will be shown in the village hall at Penley next month with the cast in attendance, and the parish council is considering a walking trail linking the locations where it was shot, from the hay barn in the opening scene to the churchyard where it ends. Tickets for the screening sold out within an hour.",
            ]),

        new SampleArticle(
            "ravensford-library-to-stay-open-until-midnight-for-exam-season",
            "Ravensford library to stay open until midnight for exam season",
            "The central library will extend its hours for six weeks after a survey found that a third of young people had nowhere quiet to revise at home.",
            "Culture",
            "Jonah Sefton",
            ["books", "education"],
            300,
            [
                "Ravensford’s central library will stay open until midnight for six weeks from the start of May, giving students preparing for exams a quiet, warm and free place to study late into the evening. The trial was proposed by the city’s youth council, which surveyed more than 1,000 young people and found that a third had nowhere suitable to revise at home.",
                "Many students described sharing bedrooms with younger siblings, living in crowded flats or trying to work in homes without a reliable internet connection. Others said they could not afford to heat their rooms in the evenings. “The library closes at seven, and that is exactly when I can start concentrating,” one sixth-form student wrote in the survey. “After that, I am on my bed with headphones in.”",
                "The extended hours will be staffed by a mix of library employees, who will be paid overtime, and volunteers from the university, who will offer help with maths and science on certain evenings. Hot drinks will be available, and a local bakery has offered to donate unsold bread and pastries each night. Security staff will be on duty, and the library will arrange discounted taxis home for students leaving after ten.",
                "The council’s culture lead said libraries had long been more than places to borrow books and that the trial was a chance to show what they could offer. The library has seen visitor numbers rise by a fifth since a refurbishment two years ago, with its study spaces often full on weekday afternoons and a waiting list for its group rooms.",
                "If the trial is successful, the council says it may repeat the late opening for the winter exam period and consider opening some smaller branch libraries later in the evenings. Library staff will collect feedback throughout the six weeks and publish the results in the summer. Members of the youth council who proposed the idea will help staff run the evenings, and have asked students to suggest further improvements, from longer weekend hours to more power sockets for laptops.",
            ]),

        new SampleArticle(
            "century-old-picture-house-in-ashby-cross-saved-by-community-share-offer",
            "Century-old picture house in Ashby Cross saved by community share offer",
            "The Regal, which showed its first film in 1924, will be restored and reopened by a cooperative of more than 2,000 local shareholders.",
            "Culture",
            "Jonah Sefton",
            ["film", "arts", "local government"],
            522,
            [
                "The Regal cinema in Ashby Cross, which has stood empty for six years, is to be restored and reopened after a community share offer raised more than £900,000. More than 2,000 residents, former staff and film fans bought shares in the Regal Cooperative, which completed the purchase of the building from its private owner on Monday. The sale ends years of uncertainty over the building’s future.",
                "The cinema opened in 1924 with a silent film accompanied by a pianist, and was one of the first in the region to show films with sound. Its art deco auditorium, with a painted ceiling of stars and a curved balcony, is considered one of the finest of its kind, but the building closed after years of falling attendances and was threatened with conversion into flats.",
                "The cooperative plans to restore the main auditorium to show new releases, classic films and live broadcasts of theatre and opera, and to create two smaller screens in the former ballroom upstairs. A café bar will open onto the high street, and the building will be available for community groups, film clubs and school screenings during the day. The restoration is expected to take eighteen months.",
                "“Everybody in this town has a story about the Regal,” said Dorothy Ambler, who worked in the ticket office for twenty-two years and now chairs the cooperative. “First dates, birthday parties, sitting in the balcony with their grandparents. People did not want to lose that.” The town council contributed a grant of £150,000, and a national heritage fund has offered to match the remaining cost of the roof repairs.",
                "The high street in Ashby Cross has lost several shops in recent years, and traders hope that a working cinema will bring evening visitors back to the town centre. The cooperative expects to hold its first screening, a classic film chosen by shareholders in a vote, before the end of next year. Volunteers have already begun clearing the foyer, and guided tours of the auditorium will be offered to shareholders over the summer.",
            ]),

        new SampleArticle(
            "composer-turns-a-year-of-tide-tables-into-a-symphony",
            "Composer turns a year of tide tables into a symphony",
            "Isla Verrin’s new work, premiered in Port Ellery, maps twelve months of rising and falling water at the harbour onto an orchestra of ninety players.",
            "Culture",
            "Jonah Sefton",
            ["music", "oceans", "arts"],
            730,
            [
                "A new symphony built from a year of tide measurements at Port Ellery harbour received its premiere on Saturday, performed by the Northern Coast Philharmonic in the town’s Assembly Rooms. The work, titled Tidal Year, was written by the composer Isla Verrin, who spent eighteen months turning the rise and fall of the water into melody, harmony and rhythm. The concert was sold out weeks in advance.",
                "Verrin used the harbour authority’s records, which log the height of the sea every fifteen minutes, as the basis for the piece. High and low tides shape the rise and fall of the strings, while the monthly cycle of larger spring tides and smaller neap tides determines when the brass and percussion enter. The four movements follow the seasons, with winter storms appearing as sudden surges that interrupt the regular pattern.",
                "“I did not want it to sound like a science lesson,” Verrin said before the performance. “The data gave me a structure, the way a poet might use a sonnet. What goes on inside it is still about what it feels like to live beside the sea.” She grew up in a fishing family in the town and said her grandfather judged the weather by the tide long before he looked at a forecast.",
                "The audience included harbour staff, lifeboat crew and scientists from the Kestrel Marine Institute, who supplied additional data on sea temperatures and storm surges. The final movement ends with a slow rise in pitch that Verrin said represented the gradual rise in sea level recorded at the harbour over the past century, a detail that drew a long silence before the applause began.",
                "The orchestra will take the symphony on a short tour of coastal towns in the spring, and a recording is planned for later in the year. The harbour authority has asked whether parts of it could be played on the quayside during the Harbour Lights festival, and Verrin has said she would be delighted. Scores of the work will also be made available to school orchestras in the town.",
            ]),
    ];

    public static readonly IReadOnlyList<SampleComment> Comments =
    [
        new SampleComment(
            "twelve-coastal-nations-sign-pact-to-protect-the-halver-sea",
            "Harriet Lowe",
            "harriet.lowe@example.com",
            "My father fished out of Kestrel Bay for forty years and always said the northern sandbanks were the nursery for the whole sea. Glad to see them protected at last, even if it has taken far too long.",
            2),
        new SampleComment(
            "twelve-coastal-nations-sign-pact-to-protect-the-halver-sea",
            "Tobias Wren",
            "t.wren@example.org",
            "The real test will be enforcement. Several of these countries can barely patrol their own harbours, so I hope the shared fund pays for boats before it pays for more conferences.",
            2),
        new SampleComment(
            "twelve-coastal-nations-sign-pact-to-protect-the-halver-sea",
            "Agnieszka Rowe",
            "agnieszka.rowe@example.net",
            "Good to see compensation for the small boats written in from the start. Too many conservation deals have ended up punishing the crews who did the least damage.",
            1),
        new SampleComment(
            "twelve-coastal-nations-sign-pact-to-protect-the-halver-sea",
            "Callum Byrne",
            "callumb@example.com",
            "Does anyone know whether the scientific committee’s advice will be published in full? Catch limits would carry more weight if people could see the evidence behind them.",
            0),
        new SampleComment(
            "hartwell-council-approves-city-wide-tram-network-after-marathon-vote",
            "Rosalind Finch",
            "rfinch@example.org",
            "I live in Fenwick Park and the bus into town takes fifty minutes on a bad day. Four years feels a long way off, but I am delighted this has finally been decided.",
            4),
        new SampleComment(
            "hartwell-council-approves-city-wide-tram-network-after-marathon-vote",
            "Gethin Moss",
            "gethin.moss@example.com",
            "I support the tram, but the council needs to be straight with the Corn Street traders about how long the roadworks will last. Compensation only helps if it arrives before the shops close.",
            2),
        new SampleComment(
            "port-ellery-athletic-stun-league-leaders-with-stoppage-time-winner",
            "Olu Bankole",
            "olu.bankole@example.net",
            "Best atmosphere at the Quayside in years. The lad has been scoring for fun in the academy sides, so it was only a matter of time.",
            7),
        new SampleComment(
            "port-ellery-athletic-stun-league-leaders-with-stoppage-time-winner",
            "Ishbel Grant",
            "ishbel.grant@example.com",
            "Credit to the manager for changing the shape when he did. We looked a different side once the full-backs pushed on.",
            5),
        new SampleComment(
            "new-deep-water-quay-at-port-ellery-opens-to-freight",
            "Peter Quayle",
            "p.quayle@example.org",
            "Good news for jobs, but the coast road through Saltcombe is already busy at night. I would like to see the rail terminal take far more than a third of the containers.",
            10),
        new SampleComment(
            "new-deep-water-quay-at-port-ellery-opens-to-freight",
            "Lena Hartmann",
            "lena.h@example.net",
            "I walked out to the new salt marsh last weekend and counted dozens of redshank and curlew. Whatever you think of the dredging, that part of the deal seems to be working.",
            6),
        new SampleComment(
            "hospitals-trial-ai-tool-that-drafts-discharge-letters",
            "Ravi Chandran",
            "ravi.chandran@example.com",
            "As a family doctor, I would welcome discharge letters that arrive on time and list every medication change. The important thing is that a clinician still reads and signs each one.",
            12),
        new SampleComment(
            "hospitals-trial-ai-tool-that-drafts-discharge-letters",
            "June Atherton",
            "june.atherton@example.org",
            "My mother waited a whole day on a ward for her discharge paperwork last year. Anything that shortens that wait is worth trying, as long as patients are told how it works.",
            9),
        new SampleComment(
            "astronomers-at-caddon-hill-spot-a-comet-that-could-be-visible-to-the-naked-eye",
            "Mark Deverell",
            "mdeverell@example.net",
            "Fantastic news for Caddon Hill. I went to one of their Friday open nights as a child, and it is the reason I still own a telescope.",
            18),
        new SampleComment(
            "harbour-lights-festival-puts-local-bands-at-the-top-of-its-bill",
            "Freya Lindqvist",
            "freya.l@example.com",
            "Saw Tidewrack in a pub back room three years ago with about twenty other people. Lovely to see them headlining on the quay.",
            28),
        new SampleComment(
            "harbour-lights-festival-puts-local-bands-at-the-top-of-its-bill",
            "Sam Adeyemi",
            "sam.adeyemi@example.org",
            "Free buses with a weekend ticket is a great touch. More festivals should think about how people actually get home at the end of the night.",
            20),
        new SampleComment(
            "drought-forces-karsland-to-ration-water-in-its-three-largest-cities",
            "Nadia Farouk",
            "nadia.farouk@example.net",
            "The figure about a fifth of treated water lost to leaks is the real scandal here. Rationing households while the mains keep leaking seems backwards.",
            40),
        new SampleComment(
            "ministers-promise-40000-homes-on-former-industrial-land",
            "Kwame Osei",
            "kwame.osei@example.com",
            "Building on the old steelworks makes far more sense than another estate on the edge of town. But a quarter affordable is not nearly enough for Brackmoor.",
            200),
    ];
}
