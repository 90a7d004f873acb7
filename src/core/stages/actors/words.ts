// Closed-class English words (determiners, pronouns, prepositions, conjunctions, auxiliaries
// and sentence adverbs) that are capitalized only because they open a sentence, and calendar
// words that are capitalized but never name an actor. Hand-made from standard grammar lists.
export const FUNCTION_WORDS = new Set(`a an the this that these those there here it its it's he she him her his hers they them their
theirs we us our you your i me my who whom whose which what when where why how whether if then than though although because
since until while as at by for from in into of on onto to with without within over under about above below after before
between among through during against across along around near beyond despite toward towards upon and or but nor so yet
also not no yes all any both each either neither every some many much more most other such only just even still already
ever never always often sometimes once twice is are was were be been being am do does did has have had having will would
shall should can could may might must let meanwhile however moreover furthermore nevertheless nonetheless instead indeed
thus hence therefore otherwise still though unlike like per via amid amidst whereas wherein`.split(/\s+/));

/** Open-class words that commonly open a sentence and are not names there ("Last year", "New figures"). */
export const OPENER_WORDS = new Set(`standing asked speaking according last next earlier later today yesterday tomorrow now new
old first second third one two three four five six seven eight nine ten several few most mr mrs ms dr`.split(/\s+/));

export const CALENDAR_WORDS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Christmas', 'Easter', 'Ramadan']);
