"""Lures that bring their own pretext: dating and adult bait, strangers' invitations to meet,
giveaways and shop "surveys", miracle products, blackmail, vote requests and deposits for
things nobody can see.

Each pattern describes one kind of bait; ``lure_hits`` reports what a text contains. Combining
hits into a verdict is the analyser's job (see ``analyzer.py``).
"""

from __future__ import annotations

from qila.analysis.patterns import MONEY, RuleHit, first, rx

# Surveys, giveaways and "loyalty presents" from a shop's name: the lure of reward scams.
GIVEAWAY = rx(
    r"\bgiveaway|\bgive[- ]a[- ]ways?\b|\bgive\s*away (?:ever|event|contest)\b|\bbiggest give\s*away\b"
    r"|\bfreebies?\b|\bincentive (?:of )?" + MONEY + r" ?\d|\bgift valued at\b|\bget up to \d+ ?\$"
    r"|\bsweepstakes?\b|\bcash payouts?\b",
    r"\b(?:survey|servey|questionnaire|quiz|opinion)\b(?! job)[^\n]{0,60}(?:\b(?:earn|reward"
    r"|rewards|paid|receive|credit|gift|awarding|bucks|vouchers?)\b|" + MONEY + r" ?\d|\b\d+ ?\$)",
    r"(?:\b(?:earn|reward|awarding|paid|bucks|store credit)\b|" + MONEY + r" ?\d+|\b\d+ ?\$)"
    r"[^\n]{0,60}\b(?:survey|servey|questionnaire|quiz|inquiry|opinion)\b",
    r"\b(?:earn|obtain|grab|win) (?:up to )?(?:"
    + MONEY
    + r" ?\d|\d+ ?\$)|\bget paid (?:today|now)\b",
    r"\b(?:our|this is a) (?:\w+ ){0,2}(?:gift|reward|present|surprise) (?:for|to) (?:you|u)\b"
    r"|\bat no cost\b|\bno cost product\b|\b(?:tiny|little|small) present\b",
    # "you've obtained this Bunnings gift card as a thank you", "choose 2 gifts for your years of
    # loyalty": a gift nobody asked for, behind a link
    r"\b(?:you'?ve|you have) (?:obtain(?:ed)?|been given|earned|unlocked) (?:this|a|an) "
    r"(?:[\w$£€-]+ ){0,3}gift ?card\b|\bgifts? for your (?:years of )?loyalty\b",
)
# "I have the recording from your camera... send $500 in bitcoin or everyone sees it".
EXTORTION = rx(
    r"\bhacked (?:into )?your (?:phone |web ?)?cam(?:era)?\b[^\n]{0,160}\b(?:send|pay|transfer)\b",
    r"\b(?:recording|recorded|video|footage|photos?|pictures?)\b[^.!?\n]{0,30}\b(?:of you|(?:from|through|via) your"
    r" (?:camera|webcam|phone)|you (?:watching|doing))\b[^\n]{0,160}\b(?:send|pay|transfer)\b",
    r"\bif (?:you )?(?:don'?t|dont|do not) want (?:them|it|these|this|the (?:pics|photos|video))\b"
    r"[^.!?\n]{0,40}\b(?:posted|shared|leaked|sent|out)\b[^\n]{0,60}\b(?:send|pay|transfer)\b",
    r"\b(?:or|otherwise|if not)\b[^.!?\n]{0,20}\b(?:everyone|all your (?:contacts|friends|family)"
    r"|your (?:family|friends|contacts|wife|husband|boss|employer))\b[^.!?\n]{0,20}\b(?:sees?|will"
    r" (?:see|get|receive|know))\b",
    r"\bor (?:i|we)(?:'ll| will)? (?:post|send|share|leak|upload|release)\b[^.!?\n]{0,30}\b(?:to|on|with)"
    r" (?:all |every |each )?(?:of )?(?:your )?(?:followers?|contacts|friends|family)\b",
    r"\b(?:rekam|rekaman|video|foto)\w*\b[^\n]{0,80}\b(?:atau|kalau tidak|kalau tak)\b[^.!?\n]{0,20}"
    r"\b(?:sebar|sebarkan|viralkan|kirim|hantar)\w*\b",
    r"\b(?:video|recording|photos?|pictures?)\b[^.!?\n]{0,20}\b(?:goes|go|will go|gets sent|will be sent"
    r"|will be posted|gets posted) to (?:all )?(?:of )?(?:your (?:contacts|friends|family)|everyone you know)\b",
    r"\b(?:video|foto|gambar) (?:bogel|syur|telanjang|tak senonoh)\b",
    # "foto KTP & wajah anda kami sebar ke semua kontak", "everyone in your contact list sees it"
    r"\b(?:kami |akan )?sebar(?:kan)?\b[^.!?\n]{0,20}\b(?:ke |kepada )?(?:semua |seluruh )?kontak\b"
    r"|\b(?:everyone|everybody) in your contact(?:s| list)\b",
    # An illegal lender's collector: "sistem kami akan kirim virus & matikan HP anda ... data
    # galeri akan kami akses"
    r"\b(?:kirim|kirimkan|pasang|tanam)\w* virus\b|\bmatikan (?:hp|ponsel|handphone)\b"
    r"|\b(?:galeri|kontak)\b[^.!?\n]{0,30}\b(?:akan )?(?:kami )?(?:akses|bobol)\b"
    r"|\bpenyebaran data\b|\b(?:datengin|datangin|datangi|samperin|sambangi) rumah\b",
    # "nomor anda dicantumkan sbg PENJAMIN atas pinjaman ... Anda wajib ikut melunasi"
    r"\b(?:penjamin|kontak darurat)\b[^\n]{0,150}\b(?:wajib|harus)\b[^.!?\n]{0,20}\b(?:melunasi"
    r"|membayar|bayar|lunasi)\b",
    # "Someone paid me to kill you", "we have the data and locations of you and your family"
    r"\b(?:paid|hired|sent) (?:me|us) to (?:kill|hurt|harm|eliminate)\b"
    r"|\b(?:been|was|were) (?:paid|hired|sent) to (?:kill|hurt|harm|eliminate) you\b"
    r"|\b(?:data|information|details|locations?|addresses)\b[^.!?\n]{0,30}\bof you and (?:each of )?"
    r"(?:all )?your family\b",
)
# "Please vote for my niece, click and verify your number": the vote page asks for the WhatsApp
# number and then the code that takes the account over.
VOTE_LURE = rx(
    r"\b(?:vote|voting|undi|undian|ngundi|vote-?kan)\b[^\n]{0,120}\b(?:verify|confirm|sahkan|"
    r"verifikasi|konfirmasi)\b[^.!?\n]{0,20}\b(?:your |anda |nombor |nomor )?(?:number|nombor"
    r"|nomor|no\.? (?:telefon|hp|whatsapp)|whatsapp)\b",
    r"\b(?:could|can|would) (?:you|u) (?:please |pls |just )?vote for (?:her|him|my|our|me)\b",
    r"\b(?:please|pls|tolong|bantu|help(?: me| us)?)\b[^.!?\n]{0,15}\b(?:vote|undi|ngevote|vote)"
    r" (?:for |untuk )?(?:my|our|her|him|anak|adik|kakak|saudara|anak saudara|cucu)\b",
)
# "I'm working offshore so I can't show it, send the deposit and I'll mail the keys": a room,
# car or pet offered by someone who cannot meet and wants money first.
ADVANCE_DEPOSIT = rx(
    r"\b(?:can'?t|cannot|unable to|not able to|won'?t be able to|will not be able to) (?:show|view|meet|hand over)\b"
    r"[^\n]{0,120}\b(?:deposit|pay|send|transfer|zelle|payid)\b",
    r"\b(?:working|currently|now) (?:offshore|overseas|abroad|outstation)\b[^\n]{0,120}\b(?:deposit"
    r"|bayar|pay|send|transfer|pindah)\b",
    r"\b(?:tak|tidak|tak boleh|tidak dapat|tak dapat|ga bisa|gak bisa|tidak bisa) (?:tunjuk|tunjukkan"
    r"|jumpa|ketemu|lihat)\b[^\n]{0,80}\b(?:deposit|bayar|transfer|dp)\b",
    r"\b(?:mail|post|courier|send) (?:you )?the keys\b",
    # "a $500 holding deposit via Zelle today, viewing can happen after"
    r"\bdeposit\b[^\n]{0,60}\b(?:viewing|inspection)s? (?:can|will) (?:happen|be (?:done|arranged))"
    r" (?:after|later)\b|\bdeposit\b[^.!?\n]{0,40}\bbefore (?:the |a |any )?(?:viewing|inspection)\b",
)
# Dating and adult lures: "Kate shared her private pics", "home alone, wanna come by?".
ADULT_LURE = rx(
    r"\b(?:private|intimate|s[3e]xy|naughty|nude|bare|spicy) (?:\"?\w+\"? )?(?:pics?|pix"
    r"|photos?|pictures?|images?|videos?|gallery|selfies?|date nights?|pleasures?)\b"
    r"|\b(?:intimate|s[3e]xy|naughty) (?:invites?|solicitation|notice)\b",
    r"\b(?:hook ?up (?:tonight|near|with (?:local|singles|women|girls))|no-strings|booty call|b\(\)\(\)ty|f ?buddy|bang buddy|fl[i!]ng|one night stand"
    r"|favou?rite position)\b",
    r"\b(?:home alone|all alone)\b[^\n]{0,60}\b(?:come (?:by|over)|fool around|chat|meet|wanna)\b",
    r"\b(?:sent|shared|released|unlocked) (?:you )?(?:a kiss|her (?:private|bare|s[3e]xy|new)\b)",
    r"\b(?:pics?|photos?|selfies?) (?:I|i) (?:promised|forgot to send|wanted to share)\b",
    r"\b(?:females?|women|girls|singles|ladies)\b[^\n]{0,30}\b(?:in|near) (?:your|the) area\b"
    r"|\blive (?:in|near) (?:the|your) area\b[^\n]{0,40}\b(?:seeking|looking for)\b"
    r"|\b(?:we|you) live near one another\b|\bweb ?cam (?:set ?up|show)\b",
    r"\b(?:hard|rough|hot|wild|casual)(?: and \w+)? sex\b|\bsex (?:chat|tonight|partners?|dating"
    r"|date)\b",
    r"\bsugar (?:baby|daddy|mommy|momma)\b|\bsultry (?:girls|women|ladies)\b|\bexplicit game\b",
)
# "I'd like to use one of your photos for my art project, you'll be paid": the fake-cheque script.
ART_PROJECT = rx(
    r"\b(?:use|using) (?:one of )?(?:your|ur) (?:pictures?|photos?|pics?|images?)\b[^\n]{0,80}"
    r"\b(?:art|project|muse|inspiration|paid|compensated)\b",
    r"\b(?:your|ur) (?:pictures?|photos?|pics?)\b[^\n]{0,40}\b(?:inspiring|inspiration|muse)\b",
)
# "Hello baby, Karla here": a stranger's endearment; counts only next to a link.
ENDEARMENT = rx(
    r"^\W*(?:hi|hello|hey)\b,? (?:baby|babe|hun|honey|sweetie|handsome|sexy)\b"
    r"|^\W*(?:honey|babe|baby|hun)\b,",
)
# "Hi there, this is Hillary. Let's meet for drinks? Txt me: <link>": a stranger's invitation to
# meet or chat. Friends write the same words, so it counts only next to a link (context only).
DATE_INVITE = rx(
    r"\b(?:want|wanna|wish|like|love|wondering if we could) (?:to )?(?:meet|meetup|hook ?up"
    r"|get together)\b(?! (?:with )?(?:the|our|your) (?:team|client|manager|doctor))",
    r"\bmeet (?:me|up|sometime|tonight|for (?:a )?(?:bite|drinks?|coffee))\b",
    r"\blet'?s (?:meet|get (?:a drink|drinks|together))\b|\b(?:sitting|waiting) (?:here )?at the bar\b",
    r"\bview my (?:photos?|pics?|pictures?|profile|videos?)\b",
    r"\b(?:received|got|have) (?:a|an|\d+) (?:new |private |unread )?(?:texts?|messages?|msgs?"
    r"|friend (?:invites?|requests?)|invites?|winks?|flirts?|video messages?) from\b",
    r"\b(?:any|got any) plans (?:tonight|for tonight|today|for today|this weekend)\b"
    r"|\bup to tonight\b",
)
# Miracle products (weight loss, enhancement, secret cures): bait for card subscriptions.
MIRACLE = rx(
    r"\b(?:lose|drop|shed|burn|melt|eliminate)\w* (?:up to |of |more than )?(?:- ?)?\d+ ?(?:- ?)?(?:lbs?"
    r"|pounds|kg|kilos)\b|\b(?:belly|stomach) fat\b|\bplump belly\b|\bweight loss\b",
    r"\b(?:grow|add|enlarge)\w*\b[^\n]{0,30}\b(?:inches|length|girth)\b|\bstay (?:hard|stiff"
    r"|rock hard)\b|\bboner\b|\bmale enhancement\b|\brock h[a]?rd\b"
    r"|\b(?:big|bigger|biggest|huge|grow (?:ur|your)) (?:prick|dick|cock|penis)\b",
    r"\b(?:cbd|keto|gummies)\b[^\n]{0,40}\b(?:pain|aches|weight|fat|diabetes|secret|dick|gains)\b",
    r"\bshark tank\b|\bdr\.? oz\b|\b(?:blood (?:pressure|sugar)|glucose|diabetes)\b[^\n]{0,80}"
    r"\b(?:gummies|revers\w*|cured?|no longer)\b|\bcontrol (?:her|his|your) weight\b",
    r"\bfree trial ends today\b|\bdoctors? (?:hate|are shocked)\b|\bbig banks hate\b|\bone weird trick\b",
)


# "I'm on a conference call right now, can't talk, but let me know if you got this text": the
# opener of the boss impersonation that ends in a request for gift cards or a transfer. In the
# 57,000 legitimate messages of the datasets and batches none reads like this.
BOSS_OPENER = rx(
    r"\b(?:in|on|at) (?:a |an )?(?:conference call|meeting|conference)\b[^\n]{0,60}\b(?:can'?t"
    r"|cannot|can not|unable to) (?:talk|take (?:any )?calls?|speak|answer)\b",
    r"\blet me know (?:if|when) you (?:got|get|received|receive) (?:this|my) (?:text|message)\b"
    r"(?=[^\n]{0,120}(?:\((?:ceo|cfo|director|md|manager|pastor)\)|\bquick (?:task|favou?r)\b"
    r"|\bare you available\b))",
)


def lure_hits(text: str) -> list[RuleHit]:
    """The lures in ``text``, in a fixed order (the analyser keeps the first of equal weight)."""
    found = [
        ("adult_lure", 25, first(ADULT_LURE, text)),
        ("endearment", 10, first(ENDEARMENT, text)),
        ("date_invite", 10, first(DATE_INVITE, text)),
        ("miracle", 25, first(MIRACLE, text)),
        ("task_job", 30, first(ART_PROJECT, text)),
        ("prize", 25, first(GIVEAWAY, text)),
        ("extortion", 50, first(EXTORTION, text)),
        ("vote_lure", 35, first(VOTE_LURE, text)),
        ("advance_deposit", 35, first(ADVANCE_DEPOSIT, text)),
        ("boss_opener", 30, first(BOSS_OPENER, text)),
    ]
    return [
        RuleHit(code, weight, evidence.strip()[:80]) for code, weight, evidence in found if evidence
    ]
