/**
 * English words that make poor hashtags: function words, and the common verbs, adjectives and filler of
 * social posts ("excited to share..."). A word on this list never becomes a tag and splits phrases.
 */
const WORDS = `
a about above after again against all almost along already also although always am among an and another any anyone
anything are aren't around as at away back be became because become been before being below best better between both
but by can can't cannot could couldn't did didn't do does doesn't doing don't done down during each either else enough
even ever every everyone everything few first for from further get gets getting got had hadn't has hasn't have haven't
having he her here hers herself him himself his how however i i'd i'll i'm i've if in into is isn't it it's its itself
just last least less let let's like made make makes making many may me might more most much must my myself need needs
never new next no nor not now of off often on once one only or other others our ours ourselves out over own per perhaps
please quite rather really right same see seen shall she should shouldn't since so some something soon still such
sure than that that's the their theirs them themselves then there there's these they they're thing things this those
though through till to today tomorrow tonight too toward towards under until up upon us use used using very via want
wants was wasn't way ways we we'd we'll we're we've well were weren't what what's when where whether which while who
whom whose why will with within without won't would wouldn't yes yet you you'd you'll you're you've your yours
yourself yourselves yesterday week weeks year years day days time times lot lots bit kind sort stuff

able add added amazing announce announced announcing ask asked awesome big bring brings call called came check come
comes coming cool crazy dear definitely drop dropped easy excited exciting feel feeling find finally found fun give
gives giving glad go goes going gone good great happy hard hear help helps hey hi hope huge incredible join joined
keep know known learn learned learning link look looking love loved loves massive matter means meet mind miss more
proud put read ready said say says share shared sharing show shows simple small start started starting stay take
takes talk talked tell thank thanks thrilled think thought today's top tried true try trying turn unbelievable
update via wait watch went won wonderful work's wow yeah bio click dm comment comments follow post posts
took made got gave grew kept left told brought bought wrote saw ran felt began sent spent became
two three four five six seven eight nine ten hundred thousand million posting monday tuesday wednesday thursday friday saturday sunday free old young full whole real hour hours minute minutes second seconds month months am pm tip tips today's worth every
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
