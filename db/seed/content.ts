/**
 * Demo programme content for the Marquee seed.
 *
 * All loglines, synopses, bios, descriptions and notes are written in our own
 * words. Factual details (cast, credits, years, runtimes) are limited to what
 * the reference material states or what is widely and reliably known; where
 * we were not confident of a fact it has been left out.
 *
 * The community partner organisations below are fictional.
 *
 * Over 300 lines on purpose: this is data (the demo festival's seven films, their people and
 * sections), not logic; splitting it would only scatter one festival's programme over files.
 */
import type { SeedFilm, SeedPerson, SeedSection, SeedOrganisation } from './types';

export const SEED_SECTIONS: SeedSection[] = [
  {
    slug: 'panorama',
    name: 'Panorama',
    description:
      'A wide-angle survey of recent international cinema, from quiet discoveries to festival prize-winners.',
  },
  {
    slug: 'special-presentations',
    name: 'Special Presentations',
    description:
      'Major new works by celebrated filmmakers, screened ahead of or alongside their Canadian release.',
  },
  {
    slug: 'galas',
    name: 'Galas',
    description:
      'Big-night screenings in our largest venues, often with guests in attendance and a party feel.',
  },
  {
    slug: 'music-and-film',
    name: 'Music & Film',
    description:
      'Events that pair live performance with cinema, or films in which music takes centre stage.',
  },
  {
    slug: 'contemporary-world-cinema',
    name: 'Contemporary World Cinema',
    description:
      'Bold storytelling from around the globe that shows where filmmaking is heading right now.',
  },
];

export const SEED_ORGANISATIONS: SeedOrganisation[] = [
  {
    slug: 'mossback-urban-ecology-society',
    name: 'Mossback Urban Ecology Society',
    description:
      'A volunteer group that leads neighbourhood walks and habitat restoration days to help Vancouverites notice the wild life growing between the sidewalks.',
    website: 'https://mossback.example.org',
  },
  {
    slug: 'harbourlight-newcomer-settlement-association',
    name: 'Harbourlight Newcomer Settlement Association',
    description:
      'A community association that helps newly arrived families in Metro Vancouver with language classes, job searches and finding their footing in a new city.',
    website: 'https://harbourlight.example.org',
  },
  {
    slug: 'cedar-signal-youth-media-collective',
    name: 'Cedar Signal Indigenous Youth Media Collective',
    description:
      'A youth-run collective that gives young Indigenous storytellers cameras, mentorship and a screen to share their own work.',
  },
  {
    slug: 'second-reel-seniors-film-club',
    name: 'Second Reel Seniors’ Film Club',
    description:
      'A weekly matinee club for older film lovers that pairs each screening with coffee and a lively post-film conversation.',
  },
];

export const SEED_PEOPLE: SeedPerson[] = [
  // --- Here ---
  {
    slug: 'bas-devos',
    name: 'Bas Devos',
    bio:
      'Zoersel, in Belgium’s Antwerp province, is the birthplace of writer-director Bas Devos. His first feature, Violet (2014), won a jury award in the Generation strand of the Berlinale and went on to New Directors/New Films in New York. In 2019 he released two features within a few months of each other: Hellhole, which played in the Berlinale’s Panorama, and Ghost Tropic, which opened at the Directors’ Fortnight in Cannes. Here, from 2023, is the fourth feature in that run. A graduate of the LUCA film school in Brussels, he has since returned there to teach.',
    filmography: [
      { title: 'Violet', year: 2014 },
      { title: 'Hellhole', year: 2019 },
      { title: 'Ghost Tropic', year: 2019 },
      { title: 'Here', year: 2023 },
    ],
  },
  { slug: 'stefan-gota', name: 'Stefan Gota' },
  { slug: 'liyo-gong', name: 'Liyo Gong' },
  { slug: 'cedric-luvuezo', name: 'Cedric Luvuezo' },
  { slug: 'teodor-corban', name: 'Teodor Corban' },
  { slug: 'saadia-bentaieb', name: 'Saadia Bentaïeb' },
  { slug: 'marc-goyens', name: 'Marc Goyens' },
  { slug: 'grimm-vandekerckhove', name: 'Grimm Vandekerckhove' },
  { slug: 'dieter-diependaele', name: 'Dieter Diependaele' },
  { slug: 'spela-tusar', name: 'Špela Tušar' },
  { slug: 'brecht-ameel', name: 'Brecht Ameel' },

  // --- All That's Left of You ---
  {
    slug: 'cherien-dabis',
    name: 'Cherien Dabis',
    bio:
      'Cherien Dabis is a Palestinian-American writer, director and actor who was born and raised in the United States. Her debut feature, Amreeka (2009), premiered at Sundance and won the FIPRESCI critics’ prize in the Directors’ Fortnight at Cannes, and she followed it with May in the Summer (2013). She has also directed widely for television, earning an Emmy nomination for an episode of Only Murders in the Building. All That’s Left of You, her third feature, is her first made entirely in Arabic, and she also appears in it.',
    filmography: [
      { title: 'Amreeka', year: 2009 },
      { title: 'May in the Summer', year: 2013 },
      { title: 'All That’s Left of You', year: 2025 },
    ],
  },
  { slug: 'saleh-bakri', name: 'Saleh Bakri' },
  { slug: 'adam-bakri', name: 'Adam Bakri' },
  { slug: 'mohammad-bakri', name: 'Mohammad Bakri' },
  { slug: 'maria-zreik', name: 'Maria Zreik' },
  { slug: 'muhammad-abed-elrahman', name: 'Muhammad Abed Elrahman' },
  { slug: 'christopher-aoun', name: 'Christopher Aoun' },

  // --- Laura Crema Sings Lorenz Hart / Blue Moon ---
  {
    slug: 'richard-linklater',
    name: 'Richard Linklater',
    bio:
      'Born in Houston in 1960 and long based in Austin, where he co-founded the Austin Film Society, Richard Linklater broke through with the low-budget Slacker (1990) and has since moved freely between ensemble comedies, animation and intimate two-handers. His Before trilogy and the twelve-years-in-the-making Boyhood both grew out of a long partnership with Ethan Hawke, and he has twice been named best director at the Berlinale, for Before Sunrise and Boyhood. Blue Moon reunites him with Hawke once again.',
    filmography: [
      { title: 'Slacker', year: 1990 },
      { title: 'Dazed and Confused', year: 1993 },
      { title: 'Before Sunrise', year: 1995 },
      { title: 'Waking Life', year: 2001 },
      { title: 'School of Rock', year: 2003 },
      { title: 'Before Sunset', year: 2004 },
      { title: 'Before Midnight', year: 2013 },
      { title: 'Boyhood', year: 2014 },
      { title: 'Hit Man', year: 2023 },
      { title: 'Blue Moon', year: 2025 },
    ],
  },
  { slug: 'robert-kaplow', name: 'Robert Kaplow' },
  { slug: 'ethan-hawke', name: 'Ethan Hawke' },
  { slug: 'margaret-qualley', name: 'Margaret Qualley' },
  { slug: 'bobby-cannavale', name: 'Bobby Cannavale' },
  { slug: 'andrew-scott', name: 'Andrew Scott' },

  // --- Islands ---
  {
    slug: 'jan-ole-gerster',
    name: 'Jan-Ole Gerster',
    bio:
      'German writer-director Jan-Ole Gerster trained at the German Film and Television Academy Berlin (dffb). His first feature, the black-and-white Berlin comedy Oh Boy (2012), released in English as A Coffee in Berlin, swept the German Film Awards, including best film. He followed it with Lara (2019), a character study starring Corinna Harfouch. Islands, his third feature, is his first made mostly in English.',
    filmography: [
      { title: 'A Coffee in Berlin', year: 2012 },
      { title: 'Lara', year: 2019 },
      { title: 'Islands', year: 2025 },
    ],
  },
  { slug: 'sam-riley', name: 'Sam Riley' },
  { slug: 'stacy-martin', name: 'Stacy Martin' },
  { slug: 'jack-farthing', name: 'Jack Farthing' },
  { slug: 'juan-sarmiento-g', name: 'Juan Sarmiento G.' },
  { slug: 'dascha-dauenhauer', name: 'Dascha Dauenhauer' },

  // --- One Battle After Another ---
  {
    slug: 'paul-thomas-anderson',
    name: 'Paul Thomas Anderson',
    bio:
      'Paul Thomas Anderson was born in 1970 and grew up in California’s San Fernando Valley, the setting of several of his films. After his debut Hard Eight (1996) he made his name with the sprawling ensembles Boogie Nights and Magnolia, the latter winning the Golden Bear in Berlin. Punch-Drunk Love earned him the best director prize at Cannes, and There Will Be Blood, The Master and Phantom Thread confirmed him as one of the most admired American filmmakers of his generation. One Battle After Another is his second film drawn from the work of Thomas Pynchon, after Inherent Vice.',
    filmography: [
      { title: 'Hard Eight', year: 1996 },
      { title: 'Boogie Nights', year: 1997 },
      { title: 'Magnolia', year: 1999 },
      { title: 'Punch-Drunk Love', year: 2002 },
      { title: 'There Will Be Blood', year: 2007 },
      { title: 'The Master', year: 2012 },
      { title: 'Inherent Vice', year: 2014 },
      { title: 'Phantom Thread', year: 2017 },
      { title: 'Licorice Pizza', year: 2021 },
      { title: 'One Battle After Another', year: 2025 },
    ],
  },
  { slug: 'leonardo-dicaprio', name: 'Leonardo DiCaprio' },
  { slug: 'sean-penn', name: 'Sean Penn' },
  { slug: 'benicio-del-toro', name: 'Benicio del Toro' },
  { slug: 'regina-hall', name: 'Regina Hall' },
  { slug: 'teyana-taylor', name: 'Teyana Taylor' },
  { slug: 'chase-infiniti', name: 'Chase Infiniti' },
  { slug: 'michael-bauman', name: 'Michael Bauman' },
  { slug: 'andy-jurgensen', name: 'Andy Jurgensen' },
  { slug: 'jonny-greenwood', name: 'Jonny Greenwood' },

  // --- The Mother and the Bear ---
  {
    slug: 'johnny-ma',
    name: 'Johnny Ma',
    bio:
      'Johnny Ma was born in Shanghai and moved to Toronto with his family at the age of ten; he later settled in Vancouver, where he began making films. His first two features were shot in China: Old Stone (2016), which was named best Canadian first feature at TIFF, and To Live to Sing (2019), which premiered in the Directors’ Fortnight at Cannes. The Mother and the Bear is the first feature he has made in Canada.',
    filmography: [
      { title: 'Old Stone', year: 2016 },
      { title: 'To Live to Sing', year: 2019 },
      { title: 'The Mother and the Bear', year: 2024 },
    ],
  },
  { slug: 'kim-ho-jung', name: 'Kim Ho-jung' },
  { slug: 'leere-park', name: 'Leere Park' },
  { slug: 'lee-won-jae', name: 'Lee Won-jae' },
  { slug: 'jonathan-kim', name: 'Jonathan Kim' },
  { slug: 'juan-de-dios-larrain', name: 'Juan de Dios Larraín' },
  { slug: 'niv-fichman', name: 'Niv Fichman' },
  { slug: 'inti-briones', name: 'Inti Briones' },
  { slug: 'valeria-hernandez', name: 'Valeria Hernández' },
  { slug: 'craig-sandells', name: 'Craig Sandells' },
  { slug: 'marie-helene-l-delorme', name: 'Marie-Hélène L. Delorme' },

  // --- L'Étranger ---
  {
    slug: 'francois-ozon',
    name: 'François Ozon',
    bio:
      'One of France’s most prolific directors, François Ozon was born in Paris in 1967 and studied at La Fémis. Since his first feature, Sitcom (1998), he has released a film almost every year, ranging from the musical murder-mystery 8 Women and the thriller Swimming Pool to the post-war drama Frantz and By the Grace of God, which won the Grand Jury Prize at the Berlinale. In the House won the Golden Shell at San Sebastián. L’Étranger, his adaptation of Albert Camus’s novel, is his 24th feature.',
    filmography: [
      { title: 'Sitcom', year: 1998 },
      { title: 'Under the Sand', year: 2000 },
      { title: '8 Women', year: 2002 },
      { title: 'Swimming Pool', year: 2003 },
      { title: 'In the House', year: 2012 },
      { title: 'Frantz', year: 2016 },
      { title: 'By the Grace of God', year: 2019 },
      { title: 'Summer of 85', year: 2020 },
      { title: 'When Fall Is Coming', year: 2024 },
      { title: 'L’Étranger', year: 2025 },
    ],
  },
  { slug: 'benjamin-voisin', name: 'Benjamin Voisin' },
  { slug: 'rebecca-marder', name: 'Rebecca Marder' },
  { slug: 'pierre-lottin', name: 'Pierre Lottin' },
  { slug: 'denis-lavant', name: 'Denis Lavant' },
  { slug: 'swann-arlaud', name: 'Swann Arlaud' },
  { slug: 'manu-dacosse', name: 'Manu Dacosse' },
];

export const SEED_FILMS: SeedFilm[] = [
  {
    slug: 'here',
    title: 'Here',
    logline:
      'In his last days in Brussels before a trip home, a Romanian construction worker keeps crossing paths with a scientist who studies moss, and the city begins to look different.',
    synopsis:
      'Stefan, a Romanian builder who has lived in Brussels for years, is getting ready for a summer visit home and is not sure he will come back. Before leaving, he turns the leftovers in his fridge into a big pot of soup and carries it around the city in containers, handing it out as he says goodbye to friends and family.\n\n' +
      'One of these errands takes him into a small Chinese restaurant, where he meets Shuxiu, a Belgian-Chinese researcher whose doctorate has her crouching in parks and woods to study mosses. When chance brings them together a second time, they wander off into the green margins of the city.\n\n' +
      'Bas Devos keeps the drama to a minimum. His attention is on rain, birdsong and the patient lives of plants, and on the shy warmth that grows between two people who both take the time to look closely.',
    countries: ['Belgium'],
    year: 2023,
    runtimeMinutes: 84,
    languages: ['Dutch', 'French', 'Romanian', 'Chinese'],
    subtitles: 'English subtitles',
    premiereStatus: 'none',
    genres: ['Drama', 'Romance'],
    contentAdvisories: [],
    ageRestriction: '13_plus',
    section: 'panorama',
    partners: ['mossback-urban-ecology-society', 'harbourlight-newcomer-settlement-association'],
    cast: ['stefan-gota', 'liyo-gong', 'cedric-luvuezo', 'teodor-corban', 'saadia-bentaieb'],
    credits: [
      { role: 'director', person: 'bas-devos' },
      { role: 'producer', person: 'marc-goyens' },
      { role: 'screenwriter', person: 'bas-devos' },
      { role: 'cinematography', person: 'grimm-vandekerckhove' },
      { role: 'editor', person: 'dieter-diependaele' },
      { role: 'production_design', person: 'spela-tusar' },
      { role: 'original_music', person: 'brecht-ameel' },
    ],
    related: [
      'all-thats-left-of-you',
      'laura-crema-sings-lorenz-hart',
      'islands',
      'one-battle-after-another',
      'the-mother-and-the-bear',
      'l-etranger',
    ],
    note: 'Best Film in the Encounters competition, Berlinale 2023. Shot on 16mm film in the nearly square 4:3 frame.',
    palette: ['#1F4D2B', '#2E3A6B'],
  },
  {
    slug: 'all-thats-left-of-you',
    title: 'All That’s Left of You',
    logline:
      'To explain why her teenage son was hurt at a West Bank protest, a Palestinian mother goes back to the day his grandfather was forced from his home in Jaffa.',
    synopsis:
      'In the West Bank in 1988, a teenage boy is caught up in a protest and badly hurt. His mother, Hanan, wants to make clear who her son really is, and to do that she has to start forty years earlier, with the boy’s grandfather and the family’s orange groves in Jaffa.\n\n' +
      'Moving from 1948 into the 21st century, Cherien Dabis follows three generations of one Palestinian family through expulsion, imprisonment, life in the camps and the grinding daily pressure of occupation, and watches how fear, anger and grief are handed down from fathers to sons.\n\n' +
      'Three members of the Bakri family of actors play the family’s men at different ages, while Dabis herself takes the role of Hanan in a saga that covers more than seven decades.',
    countries: ['Germany', 'Cyprus', 'Palestine', 'Jordan', 'Greece', 'Qatar', 'Saudi Arabia'],
    year: 2025,
    runtimeMinutes: 145,
    languages: ['Arabic'],
    subtitles: 'English subtitles',
    premiereStatus: 'regional',
    genres: ['Drama', 'Historical'],
    contentAdvisories: ['Violence'],
    ageRestriction: '13_plus',
    section: 'special-presentations',
    partners: ['harbourlight-newcomer-settlement-association'],
    cast: ['saleh-bakri', 'cherien-dabis', 'adam-bakri', 'mohammad-bakri', 'maria-zreik', 'muhammad-abed-elrahman'],
    credits: [
      { role: 'director', person: 'cherien-dabis' },
      { role: 'screenwriter', person: 'cherien-dabis' },
      { role: 'cinematography', person: 'christopher-aoun' },
    ],
    related: ['here', 'the-mother-and-the-bear', 'l-etranger'],
    note: 'Jordan’s official submission for the Academy Award for Best International Feature Film.',
    palette: ['#7A2E12', '#2F4A1E'],
  },
  {
    slug: 'laura-crema-sings-lorenz-hart',
    title: 'Laura Crema Sings Lorenz Hart',
    logline:
      'A live jazz tribute to the lyricist Lorenz Hart, followed by Richard Linklater’s Blue Moon, in which Ethan Hawke plays Hart on one long, bruising night in 1943.',
    synopsis:
      'The evening begins on stage. Jazz vocalist Laura Crema performs a set drawn from the songbook of Lorenz Hart, the lyricist whose clever, wistful lines gave the Rodgers and Hart standards their bittersweet sting.\n\n' +
      'Then the lights go down for Richard Linklater’s Blue Moon. It is 1943, and Broadway is toasting Oklahoma!, the first show Richard Rodgers has written with his new partner, Oscar Hammerstein II. In Sardi’s, Hart has planted himself at the bar, bantering with the bartender, fussing over a young woman he is smitten with and steeling himself for the moment his old collaborator walks in.\n\n' +
      'Ethan Hawke, in another of his many films with Linklater, plays Hart across a single talkative and increasingly raw evening, with Margaret Qualley, Bobby Cannavale and Andrew Scott alongside him.',
    countries: ['United States', 'Ireland'],
    year: 2025,
    runtimeMinutes: 100,
    languages: ['English'],
    subtitles: null,
    premiereStatus: 'none',
    genres: ['Live music', 'Drama', 'Biography'],
    contentAdvisories: ['Coarse language', 'Sexual references'],
    ageRestriction: '16_plus',
    section: 'music-and-film',
    partners: ['second-reel-seniors-film-club'],
    cast: ['ethan-hawke', 'margaret-qualley', 'bobby-cannavale', 'andrew-scott'],
    credits: [
      { role: 'director', person: 'richard-linklater' },
      { role: 'screenwriter', person: 'robert-kaplow' },
    ],
    related: ['here', 'islands', 'one-battle-after-another'],
    note: 'A live set by Laura Crema comes before the screening, so the event runs longer than the film’s 100 minutes. Cast and credits are for Blue Moon (2025).',
    palette: ['#1B2A5E', '#5B1E4F'],
  },
  {
    slug: 'islands',
    title: 'Islands',
    logline:
      'A burnt-out tennis coach at a Fuerteventura resort falls in with a British family on holiday, and then the husband disappears.',
    synopsis:
      'Tom was once a tennis player with a future. Now he teaches tourists their backhands at an all-inclusive hotel on Fuerteventura, and his nights blur into bars, brief encounters and mornings spent waking up in unlikely places.\n\n' +
      'When a British couple, Anne and Dave, book lessons for their young son, Tom gets pulled into their prickly family dynamic and offers to show them the island. After a long night out, Dave is gone, and a detective begins asking Tom questions he has no easy answers to.\n\n' +
      'Jan-Ole Gerster turns a sun-bleached holiday resort into the backdrop for a slow-burn mystery, where what people assume counts for as much as what really happened. Sam Riley plays the drifting coach, with Stacy Martin and Jack Farthing as the couple.',
    countries: ['Germany'],
    year: 2025,
    runtimeMinutes: 120,
    languages: ['English', 'Spanish'],
    subtitles: 'English subtitles',
    premiereStatus: 'regional',
    genres: ['Drama', 'Mystery', 'Thriller'],
    contentAdvisories: ['Substance use'],
    ageRestriction: '16_plus',
    section: 'contemporary-world-cinema',
    partners: [],
    cast: ['sam-riley', 'stacy-martin', 'jack-farthing'],
    credits: [
      { role: 'director', person: 'jan-ole-gerster' },
      { role: 'screenwriter', person: 'jan-ole-gerster' },
      { role: 'cinematography', person: 'juan-sarmiento-g' },
      { role: 'original_music', person: 'dascha-dauenhauer' },
    ],
    related: ['here', 'l-etranger', 'laura-crema-sings-lorenz-hart'],
    note: 'Mostly in English, with some Spanish.',
    palette: ['#0B5563', '#8A3B12'],
  },
  {
    slug: 'one-battle-after-another',
    title: 'One Battle After Another',
    logline:
      'A burnt-out ex-revolutionary is forced back into action when an old enemy resurfaces and his teenage daughter is caught in the crossfire.',
    synopsis:
      'Sixteen years after his radical group fell apart, former explosives man Bob Ferguson lives off the grid, permanently stoned and permanently paranoid, raising his quick-witted teenage daughter Willa on his own.\n\n' +
      'When Steven Lockjaw, the fixated military officer who once hunted the group, comes back with a grudge to settle, Willa is thrown into danger and Bob has to stumble back into the life he walked away from, leaning on old comrades and an unflappable karate teacher to reach her.\n\n' +
      'Loosely inspired by Thomas Pynchon’s novel Vineland, Paul Thomas Anderson’s film is a sprawling chase comedy and a sharp political satire of present-day America, propelled by Jonny Greenwood’s restless score and a cast led by Leonardo DiCaprio, Sean Penn and Benicio del Toro.',
    countries: ['United States'],
    year: 2025,
    runtimeMinutes: 161,
    languages: ['English'],
    subtitles: null,
    premiereStatus: 'none',
    genres: ['Action', 'Comedy', 'Thriller'],
    contentAdvisories: ['Violence', 'Coarse language', 'Sexual content', 'Substance use'],
    ageRestriction: '18_plus',
    section: 'galas',
    partners: ['cedar-signal-youth-media-collective'],
    cast: ['leonardo-dicaprio', 'sean-penn', 'benicio-del-toro', 'regina-hall', 'teyana-taylor', 'chase-infiniti'],
    credits: [
      { role: 'director', person: 'paul-thomas-anderson' },
      { role: 'screenwriter', person: 'paul-thomas-anderson' },
      { role: 'cinematography', person: 'michael-bauman' },
      { role: 'editor', person: 'andy-jurgensen' },
      { role: 'original_music', person: 'jonny-greenwood' },
    ],
    related: ['here', 'islands', 'all-thats-left-of-you'],
    palette: ['#8B1A1A', '#1C2541'],
  },
  {
    slug: 'the-mother-and-the-bear',
    title: 'The Mother and the Bear',
    logline:
      'A Korean widow flies to wintry Winnipeg to sit by her injured daughter’s hospital bed and ends up running the young woman’s dating profile.',
    synopsis:
      'Sumi, a young Korean woman who has built a life for herself in Winnipeg, slips on the ice one winter night and lands in hospital in a medically induced coma. Her widowed mother, Sara, rushes over from Seoul to keep watch, bringing a suitcase full of worries and very firm opinions.\n\n' +
      'Marooned in a frozen city she cannot make sense of, Sara starts to piece together her daughter’s life and concludes that Sumi’s real problem is that she has no husband. Her fix is to take over Sumi’s online dating account, a scheme that goes astray in ways that are first comic and then surprisingly revealing.\n\n' +
      'Johnny Ma’s warm comedy-drama, his first film made in Canada, gives Kim Ho-jung a rich leading role and treats Winnipeg’s snowbound streets with obvious fondness.',
    countries: ['Canada', 'Chile'],
    year: 2024,
    runtimeMinutes: 100,
    languages: ['Korean', 'English'],
    subtitles: 'English subtitles',
    premiereStatus: 'none',
    genres: ['Comedy', 'Drama'],
    contentAdvisories: [],
    ageRestriction: '13_plus',
    section: 'galas',
    partners: ['harbourlight-newcomer-settlement-association', 'second-reel-seniors-film-club'],
    cast: ['kim-ho-jung', 'leere-park', 'lee-won-jae', 'jonathan-kim'],
    credits: [
      { role: 'director', person: 'johnny-ma' },
      { role: 'screenwriter', person: 'johnny-ma' },
      { role: 'producer', person: 'juan-de-dios-larrain' },
      { role: 'producer', person: 'niv-fichman' },
      { role: 'cinematography', person: 'inti-briones' },
      { role: 'editor', person: 'valeria-hernandez' },
      { role: 'production_design', person: 'craig-sandells' },
      { role: 'original_music', person: 'marie-helene-l-delorme' },
    ],
    related: ['here', 'all-thats-left-of-you', 'islands'],
    note: 'A Canada–Chile co-production, shot on location in Winnipeg.',
    palette: ['#2B4C7E', '#6B2D5C'],
  },
  {
    slug: 'l-etranger',
    title: 'L’Étranger',
    logline:
      'In 1930s Algiers, a detached young clerk commits a senseless killing and finds himself on trial as much for his indifference as for his crime.',
    synopsis:
      'Algiers, 1938. Meursault, a reserved office clerk, buries his mother without shedding a tear and slips straight back into his routine: swimming, films, and a new affair with Marie, who used to work in his office. He seems to want little and to feel even less.\n\n' +
      'When his neighbour Raymond drags him into an ugly private quarrel, a blinding afternoon on the beach ends in a death. At the trial that follows, the court appears less concerned with the crime than with the man who did not weep at his mother’s funeral.\n\n' +
      'François Ozon adapts Albert Camus’s 1942 novel in crisp black and white, with Benjamin Voisin as the unreadable Meursault and Rebecca Marder as Marie, while widening the frame to take in the colonial society around them.',
    countries: ['France', 'Belgium'],
    year: 2025,
    runtimeMinutes: 120,
    languages: ['French', 'Arabic'],
    subtitles: 'English subtitles',
    premiereStatus: 'regional',
    genres: ['Drama', 'Literary adaptation'],
    contentAdvisories: ['Violence', 'Sexual content'],
    ageRestriction: '16_plus',
    section: 'special-presentations',
    partners: ['second-reel-seniors-film-club'],
    cast: ['benjamin-voisin', 'rebecca-marder', 'pierre-lottin', 'denis-lavant', 'swann-arlaud'],
    credits: [
      { role: 'director', person: 'francois-ozon' },
      { role: 'screenwriter', person: 'francois-ozon' },
      { role: 'cinematography', person: 'manu-dacosse' },
    ],
    related: ['here', 'islands', 'all-thats-left-of-you'],
    note: 'Presented in black and white. Selected for the main competition at the 2025 Venice Film Festival.',
    palette: ['#222831', '#5A1F1F'],
  },
];
