"""Rules for the tactics scammers use, in English, Indonesian and Malay.

Each rule looks for one tactic and reports a ``RuleHit``. Rules only describe what the text
says; combining hits into a verdict is the analyser's job (see ``analyzer.py``). Ring-back
numbers are in ``callbacks.py``, lures that are their own pretext (dating, giveaways, blackmail) in
``lures.py``, the patterns of routine notices in ``reassurance.py``.
"""

from __future__ import annotations

import re
from functools import cache

from qila.analysis.callbacks import ANNOUNCED_CALL, CALLBACK, DID_NOT_DO, callback_number
from qila.analysis.domains import text_brand_pattern
from qila.analysis.lures import lure_hits
from qila.analysis.patterns import (
    AMOUNT,
    MONEY,
    NEG,
    OWN_APLIKASI,
    OWN_APP,
    PHONE,
    F,
    RuleHit,
    first,
    rx,
)

URGENCY = rx(
    r"\burgent(?:ly)?\b|\bimmediately\b|\basap\b|\bright away\b|\bact now\b",
    r"\bfinal (?:notice|warning|reminder|attempt)\b|\blast (?:chance|reminder|warning|attempt)\b",
    r"\bwithin (?:the next )?\d+ ?(?:hours?|hrs?|h|days?|minutes?|mins?)\b",
    r"\bexpir(?:es|ing|e) (?:today|soon|tonight|in \d+)\b|\btoday only\b",
    r"\bsegera\b|\bsecepatnya\b|\bsekarang juga\b|\bhari ini juga\b|\bkesempatan terakhir\b",
    r"\bdalam (?:waktu |masa )?\d+ ?(?:jam|hari|menit|minit)\b|\bbatas waktu\b",
    r"\bpeluang terakhir\b|\bnotis terakhir\b",
    r"\bfor immediate (?:update|action|attention|payment)\b|\b(?:cut|disconnected|disconnection|suspended"
    r"|blocked|shut-?off)"
    r" (?:at [\d.:]+ ?(?:am|pm) )?(?:tonight|today)\b",
)

LEGAL_THREAT = rx(
    r"\blegal action\b|\bwarrant\b|\bpolice case\b|\bcourt (?:case|summons|order)"
    r"|\bmoney laundering\b|\bcriminal (?:investigation|case|charges?|complaint)\b"
    r"|\bpengubahan wang haram\b|\bpegawai (?:siasatan|penyiasat)\b|\bfraud investigation\b"
    r"|\bakaun keldai\b|\bmule account\b|\b(?:sambungkan|salurkan|connect|transfer)\b[^.!?\n]{0,20}"
    r"\b(?:kepada|kpd|ke|to) (?:pihak |the )?(?:polis|pdrm|police)\b"
    r"|\b(?:dipindahkan|dirujuk|diserahkan|referred|handed over)\b[^.!?\n]{0,10}\b(?:kepada|kpd|ke|to)"
    r" (?:pihak |pegawai |the )?(?:polis|pdrm|police)\b"
    r"|\b(?:bungkusan|parcel|barang)\b[^\n]{0,120}\bditahan (?:oleh )?(?:pihak )?(?:polis|kastam)\b"
    r"|\btindakan mahkamah\b|\bnotis mahkamah\b|\bmahkamah majistret\b|\bsindiket\b"
    r"|\b(?:do not|don'?t) (?:contact|tell|call|inform) (?:your bank|anyone|the bank)\b",
    r"\bproses hukum\b|\bdipolisikan\b|\btindakan undang-undang\b|\bwaran tangkap\b"
    r"|\bkes polis\b|\bpencucian wang\b|\bpencucian uang\b|\bditangkap\b"
    r"|\b(?:tertangkap|diamankan)\b[^\n]{0,80}\b(?:damai|siapkan|tebus|uang|duit)\b"
    r"|\b(?:jangan|jgn) (?:telpon|telepon|kasih (?:tahu|tau)|bilang|beritahu|beri tahu|cerita|hubungi"
    r"|maklumkan|bagitahu)\w* (?:ke |sama |kepada |kpd )?"
    r"siapa(?!\s?pun\b[^.!?\n]{0,40}\b(?:termasuk (?:pihak|petugas|karyawan|staf)|pihak|petugas))",
    r"\b(?:move|transfer|moving|transferring)\b[^.!?\n]{0,30}\b(?:safe|secure|holding|protected)"
    r" account\b|\b(?:pindahkan|memindahkan|pindah)\b[^.!?\n]{0,40}\b(?:akaun|rekening) (?:selamat|aman)\b"
    r"|\b(?:number|account|identity|name|ic|card|particulars|details|passport|nric|mykad)"
    r" (?:\S+ ){0,3}(?:has been|have been|was|were|is being|are being) used (?:for|in)"
    r" (?:illegal|illicit|criminal|fraudulent)\b"
    r"|\b(?:face|facing) deportation\b|\bbe deported\b|\bcontains? illegal (?:items|goods"
    r"|substances|drugs)\b|\bcyber ?(?:cell|crime (?:department|branch|cell|unit))\b|\binvestigation"
    r" (?:being )?(?:\w+ )?against you\b|\bserve you (?:a|with) (?:notice|summons|papers)\b"
    r"|\binvestigating officer\b|\bcase will be (?:sent|forwarded|referred|handed|transferred) to"
    r" (?:the )?police\b|\b(?:parcel|package|shipment)\b[^.!?\n]{0,60}\b(?:was |has been |been )?"
    r"(?:seized|confiscated|intercepted)\b",
    r"\byour (?:work )?(?:pass|visa|permit|passport|ic|nric|identity card|name|number|bank account"
    r"|mykad)\b[^.!?\n]{0,20}\bunder (?:\w+ )?investigation\b",
)
THREAT = rx(
    r"\b(?:account|acount|acct|a/c|card|service|number|line|sim|wallet|access|profile|kyc|app|id|meter"
    r"|licen[cs]e|connection|electricity|power|supply|water|gas|registration|debit|membership"
    r"|subscription|mailbox|email|storage|files|photos|data|cloud)s?\b"
    r"[^.!?\n]{0,40}\b(?:will be |has been |have been |have be |has be |is |was |be |being |"
    r"will |temporarily |permanently )*(?:suspend(?:ed)?|block(?:ed)?|lock(?:ed)?|deactivat(?:e|ed)"
    r"|disabled?|closed|restrict(?:ed)?|frozen|terminated|barred|on hold|limited|disconnected"
    r"|disconnect|(?<!\bgot )cut off|(?<!\bgot )cut|revoked|cancell?ed|deleted)\b",
    r"\b(?:account|computer|pc|device|phone|iphone|mac|laptop|system)s? (?:has|have) been (?:compromised"
    r"|comprimised|breached|hacked|infected)\b|\b(?:files|viruses|malware|threats?|hackers?) (?:have|has)"
    r" (?:breached|infected|entered|invaded) your\b|\bremove (?:these|the|them)\b[^.!?\n]{0,30}\b(?:files"
    r"|viruses|threats|data safe)\b|\bflooding (?:into )?your phone\b|\b(?:pc|computer|device|phone|system) is (?:at risk|infected)\b"
    r"|\bvirus(?:es)? (?:detected|found)\b",
    r"\b(?:has|have) (?:disabled|suspended|blocked|locked|frozen|restricted) (?:this|your) (?:card"
    r"|account)\b",
    r"\byour \w+(?: \w+){0,2} (?:has|have) been (?:temporarily |permanently )?(?:limited|frozen|suspended"
    r"|locked|restricted|blocked|disabled|deactivated)\b|\bwe(?: have|'ve)? (?:temporarily )?(?:frozen|suspended"
    r"|locked|limited|blocked|restricted|disabled|deactivated) your\b|\b(?:cloud|storage|mailbox|inbox) is full\b"
    r"|\bto regain (?:full )?access\b",
    r"\b(?:trouble|problem|issue)s? with your (?:current )?(?:billing|payment) (?:information|details"
    r"|method)\b",
    r"\b(?:placed|put) an? (?:temporary |permanent |security )?(?:hold|block|lock|restriction"
    r"|suspension|limit(?:ation)?) (?:on|to) your\b",
    r"\bnotis pemotongan\b|\bmemotong bekalan\b|\b(?:akan )?melakukan pemutusan\b|\bpemutusan (?:jam|pukul|hari ini|malam ini)\b|\bsaman\b[^.!?\n]{0,30}\b(?:akan )?dikenakan\b",
    r"\b(?:bekalan|elektrik|air|perkhidmatan|layanan|listrik)\b[^.!?\n]{0,40}\b(?:akan )?"
    r"(?:dipotong|diputuskan|diputus|dihentikan)\b",
    r"\b(?:rekening|rekning|rek|tabungan|tbungn|akun|akaun)\b[^.!?\n]{0,30}\b(?:error|eror"
    r"|diblokir|terblokir|disekat)\b|\b(?:account|acount)\b[^.!?\n]{0,20}\b(?:be|is) error\b",
    r"\bkyc\b[^.!?\n]{0,30}\b(?:expire[sd]?|suspend(?:ed)?|pending|update|incomplete)\b",
    r"\b(?:avoid|prevent)(?:ing)? (?:the |a |your )?(?:licen[cs]e |driver'?s? licen[cs]e )?"
    r"(?:block(?:ing|age)?|suspension|deactivation|closure"
    r"|cancellation(?! (?:fee|charge))|disconnection|termination)\b"
    r"|\bbefore the (?:suspension|blocking|closure)\b"
    r"|\bquarantine zone\b",
    r"\b(?:card|password|account|app|points?)\b[^.!?\n]{0,30}\b(?:will expire|expires? (?:today|"
    r"tomorrow|soon)|be outdated|is outdated|has expired)\b",
    r"(?<!to )\b(?:suspend|block|lock|deactivate|terminate|freeze|close)\b (?:your|the) "
    r"(?:account|card|number|service|line|wallet)",
    r"\blegal action\b|\barrest(?:ed)?\b|\bwarrant\b|\bpolice case\b|\bcourt (?:case|summons|order)"
    r"|\bmoney laundering\b|\bpenalt(?:y|ies)\b",
    r"\b(?:account|acount|card)s? (?:is|has been|was|be|status is) (?:abnormal|irregular)\b",
    r"\b(?:online banking|banking|bank access|online access|profile) (?:has been|is|was|have be)"
    r" (?:restricted|limited|locked|suspended|blocked|disabled|frozen)\b|\brestricted account\b",
    r"\b(?:unusual|suspicious|unrecogni[sz]ed|failed|unauthori[sz]ed|abnormal) (?:activity|sign-?in|log-?in"
    r"|login|transaction|access|behaviou?r|attempts?)",
    r"\b(?:avoid|prevent)(?:ing)? (?:a |the |any |further )?(?:\S+ ){0,2}(?:late fees?|fines?"
    r"|penalt(?:y|ies)|prosecution|legal action|enforcement(?: action)?|surcharges?"
    r"|(?:additional|extra) (?:fees|charges)"
    r"|blacklist(?:ed|ing)?)\b",
    r"\bmenghindari (?:denda|sanksi|hukuman|pemblokiran)\b",
    r"\b(?:scheduled|set|due) for (?:disconnection|shut-?off|suspension)\b|\bshut-?off\b"
    r"|\b(?:electricity|power|light|gas|water)\b[^.!?\n]{0,40}\b(?:will be|to be|be|being|is) "
    r"disconnected\b|\bdisconnect(?:ing|ed)? (?:tonight|today)\b"
    r"|\benforcement (?:action|begins|will|proceedings)\b|\b(?:be|being|get|getting) fined\b|\b(?:serious|heavy|hefty|additional|late) fines?\b"
    r"|\bfines? (?:if|will be|may be)\b",
    r"\b(?:akun|rekening|kartu|nomor|akaun|kad|nombor|atm)\b[^.!?\n]{0,40}"
    r"\b(?:di|ter|akan di)?(?:blokir|nonaktifkan|nonaktif|tutup|bekukan|tangguhkan|sekat"
    r"|gantung|tamatkan|batalkan)\b",
    r"\b(?:diblokir|terblokir|dinonaktifkan|dibekukan|disekat|digantung|ditamatkan)\b",
    r"\b(?:will be|be|is being|are being) forfeited\b|\bwill forfeit\b",
    r"\bproses hukum\b|\bdipolisikan\b|\btindakan undang-undang\b|\bwaran tangkap\b"
    r"|\bkes polis\b|\bpencucian wang\b|\bpencucian uang\b",
)

PRIZE = rx(
    r"\byou(?:'ve| have)? (?:won|been selected|been chosen)\b|\bwinner\b|\bprize\b|\bjackpot\b",
    r"\b(?:little |small |special )?(?:gift|reward|giveaway|present) for you\b|\bthis is a giveaway\b",
    r"\b\d+ ?gb\b[^.!?\n]{0,40}\b(?:gratis|free)\b|\b(?:gratis|free)\b[^.!?\n]{0,30}\b\d+ ?gb\b"
    r"|\bkuota gratis\b",
    r"\b(?:you|u) (?:are|r|be) (?:a |the )?(?:winner|guaranteed|entitled|eligible to (?:redeem|"
    r"receive|claim))\b|\blucky day\b|\bun-?redeemed\b|\bredeem (?:your |the )?(?:points?|gift"
    r"|reward|cash)\b|\bawait(?:s|ing)? (?:your )?collection\b",
    r"\b(?:awarded|selected to receive)\b|\b(?:mendapat|mendptkn|dapat)\w* (?:uang|cek) tunai\b"
    r"|\bcek tunai\b|\bpin pemenang\b|\b(?:me)?menangkan\b",
    r"\bclaim (?:your |the )?(?:prize|reward|gift|bonus|cash|voucher|award)",
    r"\blucky draw\b|\bcash (?:prize|reward)\b|\bcongra[td]u\w*[!,. ]+(?:you|your)\b",
    r"\breward points?\b[^.!?\n]{0,30}\b(?:expir|redeem)",
    r"\bselamat[!,. ]+(?:anda|kamu|nomor)\b[^.!?\n]{0,30}(?:mendapat|memenangkan|terpilih)",
    r"\bhadiah (?:utama|tunai|uang|wang|langsung|menarik)\b|\b(?:dapat|mendapat|mendapatkan|memenangi"
    r"|menang|terima|menerima|klaim|tuntut) hadiah\b|\bpemenang\b|\bundian\b|\btahniah\b"
    r"|\bmemenangi\b|\bcabutan bertuah\b|\bgiving away\b",
    r"\bpoin\b[^.!?\n]{0,30}\b(?:hangus|kadaluarsa|kedaluwarsa)\b"
    r"|\bmata ganjaran\b[^.!?\n]{0,40}\b(?:tamat tempoh|luput|hangus)\b",
    r"\b(?:monthly|weekly|annual|daily) (?:prize )?draw\b|\b(?:check|see) what (?:you|u) (?:have )?won\b"
    r"|\b(?:you|u) (?:take|took|have taken|came) (?:first|second|third|1st|2nd|3rd) place\b"
    r"|\b(?:taking|took|take|won) the (?:first|second|third|1st|2nd|3rd) (?:spot|place|prize)\b"
    r"|\bin our (?:[\w-]+ ){0,3}(?:prize )?draw\b|\b(?:number|no|mobile|sim|u|you) (?:have|has|hv|ha)"
    r" (?:won|win)\b"
    r"|\b(?:you(?:'ve| have)?|u) earned (?:this year'?s |a |your )?(?:[\w-]+ ){0,2}(?:present|gift"
    r"|reward)\b|\bha(?:s|ve) selected (?:you|u) as\b|\b(?:tonight'?s|today'?s|this week'?s) w[i]?nn?er\b",
)

PRIZE_ACTION = rx(
    r"\b(?:to claim|claim (?:it|now|your|by|at|via|here)|call|text|txt|reply|click|visit|send|ring"
    r"|dial|log ?onto|log on|redeem)\b",
    r"\b(?:klik|hubungi|hub|kunjungi|info|balas|tuntut|layari|hantar|tebus)\b",
)
REFUND = rx(
    r"\b(?:you )?qualify for (?:a |the |an )?(?:[\w-]+ ){0,3}(?:payment|refund|rebate|grant)\b|"
    r"\btax refund\b|\brefund (?:of|is|has|amount)\b|\beligible for (?:a |an )?(?:[\w-]+ ){0,3}"
    r"(?:refund|rebate|compensation|payout|grant)\b|\beconomic impact payment\b|\bstimulus (?:payment|check)\b"
    r"|\b(?:sudah |dapat |bisa )?dicairkan\b|\bnama penerima\b|\boverpaid\b|\bunclaimed (?:funds|money|refund)",
    r"\bpengembalian (?:dana|pajak)\b|\brestitusi\b|\bdana bantuan\b|\bbansos\b"
    r"|\b(?:tax|income) (?:return|refund)\b[^.!?\n]{0,40}\b(?:could not|cannot|can't|unable to)"
    r" be processed\b|\bready for (?:deposit|collection|claim)\b|\b(?:bayaran|bantuan|wang)\b[^!?\n]{0,30}\b(?:belum|gagal) "
    r"(?:dikreditkan|diterima|dituntut)\b|\bsumbangan tunai\b"
    r"|\blayak (?:menerima|mendapat) (?:rebat|bantuan|bayaran)\b|\btuntut rebat\b"
    r"|\bbantuan sosial\b|\bbantuan (?:khas|kewangan)\b|\b(?:aktifkan|tuntut) bantuan\b"
    r"|\bbantuan "
    + MONEY
    + r" ?\d|\bberhak (?:menerima|mendapatkan|mendapat)\b|\bentitled to (?:receive|claim)\b",
    r"\bbayaran balik\b|\bbantuan tunai\b",
    r"\beligible for (?:the |a |an )?"
    + MONEY
    + r" ?\d[\d,.]* (?:[\w-]+ ){0,3}(?:payment|refund|rebate"
    r"|grant|bonus|compensation|allowance)\b",
    r"\bcheck (?:if|whether) your name is (?:on|in) the (?:list|beneficiar\w+)\b|\bgiving "
    + MONEY
    + r" ?\d[\d,.]* to (?:every|all|each)\b",
    r"\bentitled? to (?:an?|the|your) (?:[\w-]+ ){0,2}(?:bonus|refund|rebate|payment|compensation|grant)\b"
    r"|\b(?:bonus|refund|rebate) on (?:your|their) (?:[\w-]+ )?tax return\b",
    r"\b(?:may|might|could) have been over-? ?charged\b|\byou (?:were|have been|got)"
    r" over-? ?charged\b|\b(?:charged|billed) you too much\b"
    r"|\b(?:we|they) (?:may |might )?owe you\b"
    r"|\b(?:accidentally|mistakenly|wrongly) over-? ?charged (?:you|your)\b|\bsettlement (?:allocation|payment|funds?|check"
    r"|cheque|claim)\b|\bclass ?action\b|\b(?:you are |you're )?due a (?:tax )?(?:repayment|refund"
    r"|rebate)\b|\beligible to (?:get|receive|claim) " + MONEY + r"? ?\d+ ?k?\b"
    r"|\b(?:potential|your) (?:[\w-]+ ){0,3}(?:payout|settlement)\b|\bmissing money\b",
)

FEE = rx(
    r"\b(?:pay|settle|payment of)\b(?: an?| the| your)? (?:small |shipping |delivery |redelivery |"
    r"customs |clearance |release |handling |admin |administration |administrative |processing |"
    r"necessary |required |remaining |pending |"
    r"unpaid |outstanding |re-?delivery |postage |toll )+(?:fee|charge|duty|duties|toll)s?\b",
    r"\b(?:fee|duty|toll) of " + MONEY + r" ?\d",
    r"\b(?:tarif|biaya) (?:baru|transfer|transaksi)\b[^\n]{0,220}\b(?:setuju|konfirmasi|formulir)\b",
    r"\b(?:pay|paid|payment)\b[^.!?\n]{0,40}\bto (?:get (?:the |your )?(?:amount|money|funds|bonus|payout)"
    r" (?:credited|released)|release|receive|claim|redeliver|reschedule"
    r"|unlock|withdraw|collect)\b",
    r"\b(?:to|and) (?:unlock|withdraw|release|claim|receive|activate)\b[^.!?\n]{0,60}\b(?:top ?up|deposit|pay)\b"
    r"|\b(?:untuk|utk|bagi|nak) (?:menarik|tarik|mencairkan|cairkan|mengeluarkan|keluarkan|aktifkan"
    r"|mengaktifkan)\b[^.!?\n]{0,60}\b(?:deposit|bayar|isi saldo|top ?up)\b"
    r"|\b(?:bayar|sumbang|deposit|top ?up)\b[^.!?\n]{0,40}\b(?:untuk|utk) (?:cairkan|mencairkan|menarik"
    r"|tarik|mengeluarkan|keluarkan|aktifkan|mengaktifkan)\b",
    r"\b(?:unpaid|outstanding|past[- ]due|overdue) (?:\w+ )?(?:tolls?|fees?|customs|postage"
    r"|shipping|duty|balance)\b",
    r"\bpay (?:the |your |a )?" + MONEY + r" ?\d[\d.,]* (?:balance|toll|fee|charge)\b"
    r"|" + MONEY + r" ?\d[\d.,]* (?:is|are) (?:required|needed|due|payable)\b[^.!?\n]{0,40}$",
    r"\b(?:amount|balance) (?:due|owing|outstanding) for (?:using|your use of|the use of)\b",
    r"\b(?:customs|import) (?:duty|duties|fees?|charges?|tax) (?:is|are) (?:still )?(?:pending|unpaid|due)\b"
    r"|\b(?:have not|haven't|did not|didn't) (?:yet )?pa(?:y|id) (?:your|the) (?:\w+ ){0,3}(?:fee|toll|fine"
    r"|charge|duty)s?\b",
    r"\bpay (?:a |the |only |just )?"
    + MONEY
    + r" ?\d[\d.,]* (?:for|to) (?:the |an? )?(?:address|redelivery"
    r"|delivery|re-?schedul\w*|update)\b",
    r"\b(?:tolls?|fees?|bills?|fines?)(?: of " + MONEY + r" ?[\d.,]*\d)? (?:is|are) (?:still )?"
    r"(?:unpaid|overdue|outstanding)\b"
    r"|\bupgraded? (?:\w+ ){0,3}to (?:a )?business(?: account)?\b|\bfor \d{2,3}p\b|\bbayar ongkir\b|\bongkos kirim ulang\b",
    r"\b(?:to (?:redeliver|release|receive|reschedule|claim)|redelivery)\b[^.!?\n]{0,40}"
    + MONEY
    + r" ?\d",
    r"\b(?:customs?|shipping|delivery|redelivery|postage|clearance|release) (?:fee|charge|cost)s?\b"
    r"|\b(?:leave|vacation) (?:application )?fees?\b",
    r"\b(?:fee|charge|duty|postage|toll|bill)s?\b[^.!?\n]{0,25}\b(?:be |is |was |has |have )?not (?:been |be )?"
    r"pa(?:y|id)\b|\btoll (?:trip|fee|charge)s?\b[^.!?\n]{0,25}\bnot (?:been |be )?(?:charged|processed)\b",
    r"\bbiaya (?:pengiriman|admin|administrasi|bea cukai|cukai|pajak|penanganan|pembukaan"
    r"|asuransi|pencairan|aktivasi|clearance|tebusan|penebusan)\b|\bbayar (?:biaya|pajak)\b"
    r"|\b(?:harus|wajib|perlu) ditebus\b",
    r"\bcaj (?:penghantaran|pos|kastam|pengendalian|pentadbiran|pemprosesan)\b"
    r"|\bbayar (?:bea(?: masuk)?|cukai(?: import)?)\b|\bcukai import\b|\brekening petugas\b"
    r"|\bduti (?:import|kastam)\b|\bbaki tertunggak\b|\btunggakan bil\b|\bmenunggak\b"
    r"|\b(?:denda|saman)\b[^.!?\n]{0,10}"
    + MONEY
    + r" ?\d|\bdenda\b[^.!?\n]{0,30}\bbelum (?:dibayar|lunas)\b"
    r"|\btransfer (?:pajak|bea|biaya)\b|\b(?:supaya|agar) (?:barang|paket)\w* (?:bisa|dapat) dilepas\b"
    r"|\blunasi\b[^.!?\n]{0,20}\bdenda\b|\b(?:kastam|sst|duti|cukai import)\b[^.!?\n]{0,30}"
    + MONEY
    + r" ?\d"
    r"|\bbayar (?:caj|yuran)\b|\byuran (?:pemprosesan|pentadbiran)\b"
    r"|\b(?:wang|bayaran|yuran) (?:pengesahan|jaminan|cagaran|pelepasan)\b"
    r"|\bbaki tol\b|\btol tertunggak\b|\belak(?:kan)? (?:kompaun|saman|denda)\b",
    r"\b(?:pilih|memilih|milih) (?:antara )?tarif (?:lama|baru)\b"
    r"|\b(?:biaya|tarif) (?:transaksi )?(?:yang )?baru\b[^\n]{0,40}" + MONEY + r" ?[\d.,]+"
    r" ?/ ?(?:per ?)?bulan\b",
)

PARCEL = rx(
    r"\b(?:address|zip ?code|postcode|postal code)\b[^.!?\n]{0,20}\b(?:does not|doesn'?t|did not|didn'?t)"
    r" match\b",
    r"\b(?:parcel|package|shipment|delivery|item|order|courier)s?\b[^.!?\n]{0,60}\b(?:on hold|held"
    r"|wrong address"
    r"|suspended|could ?n[o']?t be delivered|undeliverable|failed|unsuccessful|returned|detain(?:ed)?"
    r"|not (?:been )?collected|pending for you|(?:will be )?sent back|returned to sender|back to (?:the )?sender|awaiting (?:delivery|collection)|can ?not be cleared|invalid (?:zip|post|postal|address)"
    r"|awaiting (?:payment|confirmation)|incomplete|incorrect address|unpaid|be return(?:ed)?\b)",
    r"\b(?:problem|issue|trouble|error)s? (?:with|when|while|in) (?:the )?del[ie]ver\w*"
    r"|\b(?:could ?n[o']?t|can ?not|can't) be deliver(?:ed)?\b|\b(?:delivery |shipping )?address (?:is|was)"
    r" (?:incorrect|incomplete|invalid|wrong)\b|\bcould ?n[o']?t (?:make|complete) (?:the |your )?delivery\b|\b(?:unable|failed|unsuccessful|not able) to (?:deliver|ship (?:you|your))\b|\bdelivery (?:attempt )?(?:failed|"
    r"unsuccessful)\b|\bno postage\b|\bto (?:complete|continue|proceed with) (?:the |your )?"
    r"delivery\b",
    r"\bno one was (?:in|home|available|present) to (?:sign|receive|collect|accept)\b"
    r"|\b(?:regarding|about) (?:one of )?your pending (?:parcels?|packages?|shipments?|deliver(?:y|ies))\b"
    r"|\bwill not (?:ship|be (?:shipped|dispatched|delivered)) (?:from|until|due)\b"
    r"|\b(?:incorrect|incomplete|invalid|wrong) (?:delivery |shipping )?address (?:information|details"
    r"|info)\b|\bcan(?:not|'t) be (?:sent|delivered|dispatched) (?:because|due to)\b",
    r"\bupdate (?:your )?(?:delivery|shipping) (?:address|details|information)\b"
    r"|\b(?:change|correct|confirm|update) (?:your )?address (?:information|details|info)\b"
    r"|\b(?:correct|complete) your (?:delivery |shipping )?address\b|\baddress is not detailed\b"
    r"|\bwrong address (?:for|on) your (?:package|parcel|shipment|order)\b"
    r"|\breschedule (?:your )?delivery\b|\b(?:schedule|book|arrange) (?:a |your )?re-?delivery\b"
    r"|\b(?:we )?(?:did not|didn't|could not|couldn't|cannot|can't) find your (?:address|house|home)\b",
    r"\bpaket\b[^.!?\n]{0,50}\b(?:tertahan|gagal|ditahan|dikembalikan|tidak dapat dikirim)",
    r"\b(?:bungkusan|parcel|barang)\b[^.!?\n]{0,50}\b(?:ditahan|gagal|tidak dapat dihantar|dipulangkan)",
    r"\bgagal (?:mengantar|mengirim|antar|dihantar)\b|\balamat (?:yang )?(?:tidak lengkap|salah|tidak valid)\b|\btidak dapat melanjutkan pengiriman\b",
)

_REQ_EN = (
    # ("SMS kode OTP masuk" names the message; "sms me the code" asks)
    r"\b(?:send|share|give|forward|tell|provide|reply(?: with)?|text|read(?: out)?|sms(?=\s+(?:me|us|back)\b))\b"
    r"(?:\s+(?:me|us|him|her|back|over|along|quickly|now|pls|please|to me))*\s+"
    r"(?:the |your |that |this |my |a |it |de )?(?:\d[- ]?digits? |six[- ]digits? |4[- ]digits? )?"
    r"(?:['\"][\w ]{1,15}['\"] )?"
    r"(?:otp|one[- ]time (?:password|passcode|pin|code)|verification code|security code"
    r"|(?:\d|six|four)[- ]?digits? (?:number|pin)"
    r"|activation code|tac|code|kode|kod)\b"
)
_REQ_ID = (
    r"\b(?:kirim(?:kan|in)?|berikan|beri(?:tahu|kan)?|sebutkan|bagikan|infokan|informasikan"
    r"|bacakan|balas|hantar(?:kan)?|kongsi(?:kan)?|maklumkan|sebut|sediakan|siapkan)\b"
    r"(?:\s+[\w&/-]+){0,5}?\s+"
    r"(?:kode|otp|kod|tac|token|pin)\b"
)
_REQ_CODE = re.compile(_REQ_EN + "|" + _REQ_ID, F)
_WHATS_CODE = re.compile(
    r"\bwhat(?:'s| is) (?:the |your )?(?:otp|code|verification code)\b"
    r"|\byou(?:'ll| will) (?:get|receive) a (?:[\w-]+ ){0,2}code\b[^.!?\n]{0,40}\b(?:forward|send|text|give)"
    r"\b(?: it)?(?: back)? (?:to me|back)\b"
    r"|\b(?:text|send|sending|texting)(?: you)? a (?:[\w-]+ ){0,2}code\b[^.!?\n]{0,40}\b(?:reply with it"
    r"|text it back|send it back|send "
    r"it (?:back|to"
    r" (?:me|us))|read it (?:back|out)|tell (?:me|us)|(?:text|send) (?:me|us) (?:the |those )?(?:\d|six)"
    r"[- ]?digits?)"
    r"|\bcode (?:you )?(?:just )?(?:received|got)\b[^.!?\n]{0,20}\b(?:send|share|forward|tell)"
    r"|\b(?:screenshot|photo|picture) of the (?:\w+ )?code\b[^.!?\n]{0,40}\b(?:text|send|forward)\b",
    F,
)
_SPECIFIC_CODE = re.compile(
    r"otp|one[- ]time|verification|security|activation|tac|digit|kode|kod|token|pin", F
)
# Verbs of handing a code over, in English, Indonesian and Malay (each use adds its own).
_HAND_OVER = r"kirim|kasih|beri|bagi|share|send|forward"
# A code that is wanted back: a verb of handing over ahead ("tolong kirim ya"); one kept from
# everyone ("jangan bagi sape2 tau") is let off in check_text (_KEPT_CODE).
_WANTED_BACK = (
    r"(?=[^\n]{0,80}\b(?:" + _HAND_OVER + r"|sebut|foto|screenshot|ss|terus|tolong|hantar)\w*\b)"
)
CODE_HIJACK = rx(
    r"\b(?:sent|send|texted)\b(?: you)?(?: a| the| my)?(?: [A-Za-z]+)?(?: (?:\d|six|four|five)[- ]?digits?)?"
    r" code\b"
    r"[^.!?\n]{0,30}"
    r"\b(?:by mistake|by error|in error|by accident|accidentally|wrongly|to your number)",
    r"\b(?:by mistake|accidentally|wrongly)\b[^.!?\n]{0,20}\b(?:sent|send)\b[^.!?\n]{0,30}\bcode",
    r"\b(?:code|otp)\b[^\n]{0,60}\b(?:sent|texted) (?:it )?(?:to )?you (?:by mistake|accidentally|wrongly)\b",
    r"\bcode\b[^.!?\n]{0,30}\b(?:sent|texted|went)\b[^.!?\n]{0,20}\b(?:by mistake|accidentally"
    r"|wrongly|to your (?:phone|number))",
    r"\b(?:salah|tidak sengaja|tersalah) (?:kirim|hantar)\b[^.!?\n]{0,30}\b(?:kode|kod)\b",
    r"\bcode (?:was |has been |is )?(?:just )?(?:sent|texted|coming|went|came|goes) to "
    r"(?:you|your (?:phone|number))"
    r"\b[^\n]{0,60}\b(?:forward|send|pass|give|tell|share)\b(?: it| me| the code)",
    r"\b(?:your number|you) as (?:my|a) (?:recovery|backup|verification)\b",
    r"\b(?:pakai|pake|gunakan|guna|masukkan|masukin) (?:nomor|nombor|no) (?:kakak|kak|anda|kamu|akak|awak"
    r"|bapak|ibu|boss)\b[^\n]{0,80}\b(?:sms|kode|kod|otp|digit|tac)\b",
    r"\b(?:accidentally|mistakenly|by mistake) (?:put|entered|used|typed|gave|registered)"
    r" (?:in )?your (?:phone )?number\b",
    r"\b(?:kode|kod|otp|tac|sms)(?:nya)?\b[^\n]{0,30}\b(?:ke ?kirim|terkirim|nyasar|kesasar|masuk|pergi|sampai"
    r"|dihantar)\b[^\n]{0,10}\b(?:ke )?"
    r"(?:nomor|nombor|no|hp|phone|fon)\b" + _WANTED_BACK,
    # ... and is wanted back ("tolong kirim ya"), not a mother asking what the code was
    r"\b(?:tersalah|salah|tersilap|silap) (?:masuk(?:kan)?|isi|taip|letak|tulis|ketik) (?:nombor|nomor|no)\b"
    r"[^\n]{0,80}"
    r"\b(?:kod|kode|code|tac|otp|sms)\w*\b" + _WANTED_BACK,
    # ... and wanted, not "jangan bagi sape2 tau, delete je"
    r"\b(?:kode|kod)\b[^.!?\n]{0,30}\b(?:salah kirim|tersalah hantar|terkirim ke nomor)",
)

_VERB_CRED = (
    r"\b(?:enter|confirm|verify|update|provide|send|give|share|key in|re-?enter|submit|input|"
    r"reply with|masukkan|konfirmasi|verifikasi|perbarui|kirim(?:kan)?|berikan|isi(?! minyak)|sahkan|"
    r"mengesahkan|mengemaskini|memasukkan|perlukan|memerlukan|"
    r"kemas ?kini|hantar|beri)\b(?:\s+\S+){0,4}?\s+"
)
CREDENTIALS = re.compile(
    # ("Enter this code to complete your password reset" asks for the code, not the password.)
    _VERB_CRED
    + r"(?:your |the |anda |kamu )?(?:(?<!one-time )(?<!one time )password(?! ?(?:reset|change|recovery))"
    r"|passcode|pin\b"
    r"|login (?:details|"
    r"credentials)|username and password|online banking|internet banking|kata sandi|"
    r"kata laluan|user ?id|m-?pin)"
    r"|\b(?:log ?masuk|login|log ?in)\b (?:ke |to )?(?:akaun|akun|rekening|your)? ?(?:bank|perbankan"
    r"|online banking|internet banking)\b",
    F,
)
CARD = re.compile(
    _VERB_CRED
    + r"(?:your |the |anda |kamu )?(?:(?:credit |debit |atm )?card (?:number|details|info)"
    r"|cvv|cvc|expiry date|bank (?:account )?details|banking details|nomor kartu|nombor kad"
    r"|(?:bank )?routing number|bank account number|maklumat kad"
    r"|butiran kad|data kartu|(?:maklumat |nombor )?akaun bank|(?:direct )?deposit (?:details|information|info))",
    F,
)
ID_DETAILS = re.compile(
    _VERB_CRED + r"(?:your |the |anda |kamu )?(?:nric|ic number|identity card|passport|social "
    r"security|ssn|date of birth|mother'?s maiden name|personal (?:details|information|data)"
    r"|ktp|nik\b|data diri|nama ibu kandung|foto selfie|kad pengenalan|mykad|butiran peribadi"
    r"|medicare (?:number|id)|social security number|dob\b|(?:no\.? |nombor )?ic\b)",
    F,
)

_FAMILY = re.compile(
    r"\b(?:hi+|hello+|hey+|hiya|halo+|hai+)\b[ ,!.]*(?:mum|mom|mummy|mommy|mam|ma|dad|daddy|papa|pa"
    r"|mama|mamah|mah|pah|bunda|ibu|bu|ayah|mak|abah|umi)\b"
    r"|^(?:mum|mom|dad|mama|papa|ma|pa|mak|ibu|ayah|abah)\b[ ,!.]+(?:it'?s me|this is|ini|ni)\b"
    r"|^\W*(?:mum|mom|mummy|mommy|dad|daddy|grandma|grandpa|granny|nana|nan|grandad|mak|mama"
    r"|mamah|papa|ayah|abah|umi|bunda)\b[ ,!]"
    r"|\b(?:hi|hello|hey)\b[ ,!.]*(?:grandma|grandpa|granny|nana|grandad)\b",
    F,
)
NEW_NUMBER = rx(
    r"\bnew (?:phone )?(?:number|no\.?)\b|\b(?:lost|broke|dropped|broken|smashed|damaged|cracked) my "
    r"(?:\w+ )?phone|\btext me (?:here|on this number)\b|\bon my work phone\b|\bsave this one\b"
    r"|\b(?:changed|switched) (?:phone )?(?:provider|network|carrier)s?\b|\bnumber porting\b"
    r"|\b(?:call|text|message|reach) me (?:on|at) this number\b|\bmy number for now\b"
    r"|\b(?:screen|phone) (?:is |got |was )?(?:cracked|smashed|broken)\b|\b(?:don'?t|do not) (?:ring|call|text)"
    r" the old (?:one|number)\b"
    r"|\bphone (?:is )?(?:broken|broke|lost|died|dead|damaged)\b|\bmy old number\b"
    r"|\bsave (?:this|my) (?:new )?number\b|\bdelete (?:the|my) old number\b"
    r"|\b(?:this is )?my temporary (?:phone |mobile )?(?:number|no\.?)\b"
    r"|\b(?:on|from|with) (?:the|my) new phone\b|\b(?:updated|changed) my (?:phone |mobile |contact )?"
    r"(?:number|no\.?)\b|\bnew (?:phone|mobile) and (?:a )?(?:new )?number\b"
    r"|\bthis is my (?:work|new|temporary|friend'?s|mate'?s) (?:number|phone)\b"
    r"|\b(?:the other one|my (?:old )?(?:phone|mobile)|my old one) (?:got|was|is) (?:smashed|broken|stolen"
    r"|lost|cracked)\b",
    r"\bnomor baru\b|\bganti (?:nomor|no)\b|\b(?:hp|nomor|ponsel)\b (?:lama )?(?:saya|aku|gue|gw|mama|papa)?"
    r" ?(?:hilang|rusak|mati|jatuh|keblokir|diblokir|terblokir)\b|\b(?:hp|ponsel|handphone|telefon)-?ku,?\s?(?:rusak|hilang"
    r"|mati|jatuh|rosak)\b",
    r"\bnombor baru\b|\btukar nombor\b|\b(?:telefon|fon|phone)\b (?:saya |aku |lama |adik )?(?:rosak"
    r"|hilang|jatuh|pecah)\b",
)
MONEY_REQUEST = rx(
    r"\b(?:can|could) you (?:please |pls |help me )?(?:send|transfer|lend|pay|wire)\b"
    r"(?![^.?!\n]{0,25}\b(?:photos?|pics?|pictures?|files?|links?|address|location|videos?"
    r"|screenshots?|copy|password|passport|documents?)\b)"
    r"|\b(?:send|transfer|lend|wire|wiring|sending) (?:me )?(?:some )?(?:money|cash|funds)\b"
    r"|\b(?:need|have) to (?:pay|make) (?:a|an|the|this) (?:bill|payment|invoice)\b"
    r"|\btransfer (?:it )?to (?:this|my|the following|the new) account\b"
    r"|\b(?:new|changed?) (?:bank )?account (?:details|number)\b"
    r"|\b(?:i|and|just) (?:urgently |really )?need (?:"
    + MONEY
    + r" ?\d|\d+k\b)|\bcan you (?:please )?pay (?:it|this|the bill)"
    r"|\b(?:pay|send|give) (?:it |you |the money )?back (?:double|tomorrow|next week|soon|asap)\b"
    r"|\bbail\b[^.!?\n]{0,30}" + MONEY + r" ?\d|\bpost (?:my |the )?bail\b|\bbail money\b"
    r"|\b(?:transfer|send) " + MONEY + r" ?\d[\d,.]*k? (?:\w+ )?to (?:the |my |this |his |her )?\w+"
    r"|\bsend (?:it |the money )?to (?:this number |the number )?\+?\d[\d ]{7,}"
    r"|\bsend "
    + MONEY
    + r" ?\d[\d,.]*k? for (?:the |his |her )?(?:deposit|surgery|operation|treatment"
    r"|bail|hospital)\b"
    r"|\bcan you (?:shout|spot|front|lend) me "
    + MONEY
    + r" ?\d|"
    + MONEY
    + r" ?\d[\d,.]* to (?:this"
    r"|my) (?:account|acc|acct)\b"
    r"|\b(?:deposit|payment|money) for (?:the |his |her |your )?(?:surgery|operation|treatment"
    r"|admission)\b",
    r"\b(?:perubahan|ganti|tukar) (?:no\.? |nomor |nombor )?(?:rekening|rek|akaun)\b",
    r"\b(?:tolong|bisa|boleh) (?:di)?(?:transfer|kirimin|kirim uang|belikan|beliin|pinjam|pinjem|minjem|bank in"
    r"|hantar duit)\b|\bminta (?:pulsa|uang|transfer|dikirim|duit)\b"
    r"|\btransfer ke (?:rek|rekening|nomor|akaun)\b|\bpinjam(?:kan)? (?:uang|duit|wang)\b"
    r"|\bkirim(?:in|kan)? (?:uang|duit|dana)\b"
    # "bisa tolong kirim 2 juta dulu", "tolong bagi topped up 50RM ke nombor baru ayah"
    r"|\b(?:tolong|bisa|boleh)\b[^.!?\n]{0,15}\b(?:kirim\w*|transfer\w*|tf|isi\w*|top(?:ped)? ?up)\b"
    r"[^.!?\n]{0,12}(?:" + AMOUNT + r"|\b\d+ ?(?:rm|rb|ribu|k)\b)"
    r"|\bbutuh (?:biaya|dana|uang) (?:operasi|rumah sakit|rs"
    r"|pengobatan|berobat)\b"
    r"|\b(?:tolong|boleh|bisa) (?:\w+ )?(?:masukkan|masukkin|masukin|bank ?in|tf) (?:duit |wang |uang )?"
    r"(?:rm|rp) ?\d|\bmasuk(?:kan)? (?:duit |wang |\w+ )?(?:kat|ke|dalam) "
    r"akaun\b",
)
# An amount, or a range of amounts, paid per day or per task ("Rp10rb - 50rb per tugas",
# "RM500 sehari").
_PAY_AMOUNT = MONEY + r" ?\d[\d,.]*\s?(?:rb|ribu|k|jt)?"
_PAY_PER_UNIT = (
    _PAY_AMOUNT
    + r"(?:\s?(?:-|to|~|sampai|hingga)\s?"
    + MONEY
    + r"?\s?\d[\d,.]*\s?(?:rb|ribu|k|jt)?)?\s?(?:(?:per|a|/|se)\s?(?:hari|day|tugas|task|like|video)\b"
    r"|sehari\b)"
)
TASK_STRONG = rx(
    r"\bearn (?:up to |upto |around |about |easily )?" + MONEY + r"? ?\d[\d,.]*k? ?(?:\+ )?"
    r"(?:-\s?\d[\d,.]*k? ?)?"
    + MONEY
    + r"? ?(?:per|a|/|each|every)[ -]?(?:day|hour|hr|task|week|order)\b",
    # "You can earn 200 in half an hour. Monthly income is 3000-14,400", "a $20 hourly working
    # from home JOB": pay for time, promised to a stranger.
    r"\bearn\w* (?:up to |upto )?"
    + MONEY
    + r"? ?\d[\d,.]*(?: ?(?:-|to) ?\d[\d,.]*)? ?"
    + MONEY
    + r"? in (?:half an hour|an hour|\d+ (?:minutes|mins|hours))\b"
    r"|\b(?:monthly|daily|weekly) (?:income|salary|earnings?) (?:is |of |up to )?"
    + MONEY
    + r"? ?\d[\d,.]*k? ?(?:-|to) ?\d",
    MONEY
    + r" ?\d[\d,.]* (?:hourly|daily|per hour|an hour|a day)\b[^\n]{0,30}\b(?:work(?:ing)? (?:at|from)"
    r" home|home[- ]based|remote|online)\b",
    r"\b(?:daily|per day) (?:salary|income|pay|commission|earnings)\b",
    r"\b(?:like|subscribe|follow|rate|review)\b(?:\s+\S+){0,3}\s+(?:videos?|products|hotels|apps"
    r"|channels|posts)\b[^!?\n]{0,60}(?:\b(?:earn|paid|pay|salary|commission)\b|" + MONEY + r")",
    MONEY + r" ?\d[\d.,]* (?:per|a|for each|on each|/) ?(?:like|review|task|order|follow|rating"
    r"|video)\b",
    MONEY + r" ?\d[\d,.]*k? ?(?:-|to) ?" + MONEY + r"? ?\d[\d,.]*k? (?:(?:per|a) day|daily)\b",
    r"\bearn\w* (?:up to )?\d[\d,.]*k?(?: ?(?:-|to) ?\d[\d,.]*k?)? ?(?:usd|dollars|rm|sgd|idr|rupiah"
    r"|ringgit|pounds)? ?(?:a|per|/) ?(?:day|hour|week)\b",
    r"\b(?:sticker|logo|decal|wrap|advert|our ad|our add)s?\b[^\n]{0,60}\b(?:on )?(?:your|ur) (?:bike"
    r"|car|vehicle|truck)\b[^\n]{0,80}(?:\b(?:make|earn|paid|pay)\b|" + MONEY + r" ?\d)",
    r"\b(?:make|earn|paid|pay)\b[^\n]{0,80}\b(?:sticker|logo|decal|wrap|advert)s?\b[^\n]{0,40}"
    r"\b(?:on )?(?:your|ur) (?:bike|car|vehicle|truck)\b",
    r"\b(?:you|u)\b[^.!?\n]{0,20}\b(?:make|earn)\w* (?:some |extra |good |more )?(?:money|cash|income)\b"
    r"[^\n]{0,40}\b(?:[1-3]|one|two|three|a few|few) (?:hours?|hrs?) (?:a|per|each) day\b",
    r"\b(?:get|earn|make|income)\b[^.!?\n]{0,10}\d[\d,.]*k? ?/ ?day\b",
    # "wage is 8000 Rs/Day"
    r"\b(?:wage|salary|pay|income|gaji)\b[^.!?\n]{0,15}\b\d[\d,.]*k? ?"
    + MONEY
    + r" ?(?:/|per|a) ?(?:day|hour|hari)\b",
    r"\bgaji (?:harian|per hari)\b|\bpenghasilan harian\b|\bpendapatan harian\b",
    r"\b(?:tugas|misi|task|mission)\b[^\n]{0,60}\b(?:deposit|top ?up|isi saldo)\b"
    r"|\b(?:menarik|tarik|withdraw\w*) (?:komisi|commission|komisen)\b",
    r"\b(?:pay|paying|paid|salary|income|earn\w*|commission|profit|gaji|pendapatan|penghasilan"
    r"|komisi|komisen|tambahan)"
    r"\b[^.!?\n]{0,25}"
    + MONEY
    + r" ?\d[\d,.]*k?(?: ?(?:-|to|~|sampai|hingga) ?"
    + MONEY
    + r"? ?\d[\d,.]*k?)? ?(?:daily|a day|per day|/day|each day|sehari|per hari|an hour|per hour"
    r"|/hr|/hour)\b",
    r"\b(?:like|follow|subscribe)\b[^.!?\n]{0,30}\b(?:dibayar|dapat bayaran|komisi|komisen)\b",
    r"\b(?:top ?up|deposit|recharge)\b[^.!?\n]{0,40}\bto (?:unlock|release|continue|start)\b"
    r"[^.!?\n]{0,30}\b(?:orders?|tasks?|sets?|missions?)\b|\bcombo (?:bonus|orders?|tasks?)\b"
    r"|\bto unlock\b[^.!?\n]{0,30}\b(?:orders?|tasks?|sets?|missions?)\b[^!?\n]{0,60}\b(?:top ?up"
    r"|deposit|recharge)\b"
    r"|\bcommission\b[^.!?\n]{0,30}\badded to your (?:balance|account)\b"
    r"|\bcombination (?:task|order)s?\b",
    # "A $2,950 check for your home office equipment has been deposited. Pls send $1,800 of it to
    # our approved vendor": the fake-check job
    r"\b(?:check|cheque)\b[^\n]{0,100}\b(?:send|transfer|zelle|wire)\b[^.!?\n]{0,40}\b(?:vendor|supplier)\b",
    # "Misi pertama: checkout produk ..., modal Rp100.000 dikembalikan + komisi 30%"
    r"\b(?:misi|tugas|task)\b[^\n]{0,100}\bmodal\b[^\n]{0,40}\b(?:dikembalikan|kembali)\b",
    # A job that must be paid for first ("role available ... pay Ksh 1,200 registration").
    r"\b(?:cv|resume|job|role|position|vacanc\w+|recruit\w*|hiring|employment|kerja|pekerjaan)\b"
    r"[^\n]{0,150}\b(?:pay|send|deposit|bayar)\b(?:[^.!?\n]{0,30}\b(?:registration|activation|training"
    r"|onboarding|joining|pendaftaran) (?:fee|charge|cost|biaya)s?\b| (?:a |the )?"
    + MONEY
    + r" ?\d[\d,.]* (?:registration|activation|training|onboarding|joining|pendaftaran)\b)",
    r"\b\d[\d,.]*\s?(?:rb|ribu|k|jt|juta)\s?(?:per|/|se)\s?hari\b[^.!?\n]{0,60}\b(?:rating|ulasan"
    r"|review|like|follow|tugas|tiktok|youtube)",
    # Pay for liking, following or sharing, in either order: "like & follow je akaun TikTok yg
    # kami bagi, RM500 sehari", "cukup like, komen & share ..., dibayar Rp10rb - 50rb per tugas".
    # (Not "subscribe": "Subscribe using your balance, Rs 14/day" is a price.)
    r"\b(?:like|follow|share|komen|comment)\b[^\n]{0,80}" + _PAY_PER_UNIT,
    _PAY_PER_UNIT + r"[^\n]{0,80}\b(?:like|follow|komen|comment)\b",
)
TASK_WEAK = rx(
    r"\b(?:part[- ]?time|online|home[- ]based|simple|easy) (?:job|work|task)s?\b"
    r"|\bno experience (?:needed|required)\b|\bwork (?:from|at) (?:own )?home\b|\bflexible hours\b"
    r"|\b(?:saw|found|received|reviewed|came across) your (?:resume|cv|profile)\b"
    r"|\bremote (?:position|assistant|job|role)s?\b"
    r"|\bpart[- ]?time (?:helpers?|workers?|staff|employees?|positions?|vacanc(?:y|ies)|roles?"
    r"|assistants?)\b|\bpaid (?:every day|daily)\b"
    r"|\b(?:i am|i'm|i work as) an? (?:\w+ )?recruiter\b|\brecruiter (?:from|at|with)\b"
    r"|\b(?:company|we|agency|team) (?:had|got|obtained|found) your (?:number|contact|phone number)"
    r" (?:from|on|through)\b|\bmystery shoppers?\b|\bwe pay " + MONEY + r" ?\d"
    r"|\b(?:rat(?:e|ing)|lik(?:e|ing)|review(?:ing)?)\b[^.!?\n]{0,30}\b(?:hotels?|hotel (?:bookings"
    r"|listings)|products|videos)\b"
    r"|\byour (?:background and )?(?:resume|cv|profile)s? (?:has|have) been (?:recommended|shortlisted"
    r"|selected)\b|\brecommended by (?:several |many |multiple )?(?:online )?recruit(?:ment|ers?)\b"
    r"|\b(?:part[- ]?time job|job (?:online )?part[- ]?time|job online|kerja online)\b"
    r"|\bkomisen \d+ ?- ?\d+ ?%|\bgaji masuk hari-hari\b"
    r"|\bhear (?:more )?about (?:a |the |our )?job\b"
    r"|\bwork (?:online|abroad|overseas|from your (?:phone|mobile))\b"
    r"|\bearn\b[^.!?\n]{0,25}\b(?:per|a|/) ?day\b"
    r"|\byour (?:job )?application for the \w+(?: \w+)? (?:position|role|job|vacancy)\b[^.!?\n]{0,15}"
    r"\b(?:is|was|be|has been) (?:successful|approved|shortlisted|accepted)\b"
    r"|\b(?:know|hear|share) (?:the |more )?details? (?:of|about) (?:the |a |our )?job\b"
    r"|\b(?:assistant )?(?:hr|human resources?)(?: (?:manager|specialist|assistant|executive"
    r"|officer))? (?:from|at|of) (?-i:[A-Z])"
    r"|\b(?:got|get|received|obtained) your (?:contact|number|phone number)\b[^.!?\n]{0,5}"
    r"\b(?:from|through|via)\b(?=[^\n]{0,100}\b(?:job|work|position|vacanc\w+|salary|part[- ]?time)\b)",
    r"\bkerja (?:sambilan|paruh waktu|dari rumah|online|separuh masa)\b|\blowongan kerja\b"
    r"|\b(?:tugas|task) optimasi\b|\boptimasi produk\b"
    r"|\b(?:online )?recruitment company\b|\bthe work is (?:very )?(?:simple|easy)\b"
    r"|\b(?:teach|teaches|show|shows) you how to (?:make|earn) money\b"
    r"|\brekruter (?:dari|di)\b|\b(?:pekerjaan|kerja|kerjaan) sampingan\b"
    r"|\bpekerjaan (?:paruh waktu|freelance|online)\b",
)
INVEST_STRONG = rx(
    r"\bguaranteed (?:returns?|profits?|income|payouts?|earnings)\b|\brisk[- ]free\b",
    r"\binvest\w*\b[^.!?\n]{0,30}\b(?:to get|and get|and earn|to earn)\b[^.!?\n]{0,40}\b(?:returns?"
    r"|profits?)\b|\bhighest returns? ever\b"
    r"|\b(?:earn|returns?)\b[^!?\n]{0,20}\bper (?:month|week|day)\b[^.!?\n]{0,20}\blow[- ]risk\b",
    # "Cukup deposit Rp150rb, ikuti instruksi mentor, profit bisa cair Rp1,8jt hari ini juga"
    r"\bdeposit\b[^\n]{0,60}\b(?:profit|untung|keuntungan)\b[^.!?\n]{0,25}" + AMOUNT,
    # "CMP 6.50 TRGT 14", "buy at rs 40 stop loss 35 target 60": unsolicited stock tips, the bait
    # of pump-and-dump groups.
    r"\b(?:cmp|buy at|buy above)\b[^\n]{0,40}\b(?:target|trgt|tgt|stop ?loss|sl)\b"
    r"|\b(?:stop ?loss|sl)\b[^\n]{0,30}\b(?:target|trgt|tgt)\b",
    r"\b\d+(?:\.\d+)?\s?% (?:profit|returns?|roi|interest|daily|per day|weekly|monthly|gains?)\b",
    r"\b(?:profit|return|roi)s? of (?:up to )?\d+\s?%|\b(?:double|triple) your (?:money|investment)",
    r"\b(?:crypto|bitcoin|btc|usdt|forex|mining)\b[^.!?\n]{0,50}\b(?:profits?|returns?|earn|"
    r"income)\b",
    r"\b(?:earned|made|gained|profited|returned|grew)\b[^.!?\n]{0,20}\b\d+\s?%",
    r"\b(?:are|were|is) up \d{2,4}\s?%|\b\d{2,3}\s?% upside\b|\bstock (?:club|picks?|tips?)\b"
    r"|\b(?:send|deposit|transfer)\b[^.!?\n]{0,30}\b(?:eth|btc|bitcoin|usdt|crypto|bnb|sol)\b"
    r"[^.!?\n]{0,60}\b(?:double|2x|twice|back)\b|\b\d+x bonus\b|\bget double\b"
    r"|\b(?:untung|keuntungan|pulangan|profit(?:ed)?)\b (?:sebanyak |sebesar |of )?"
    + MONEY
    + r" ?\d"
    r"|\btomorrow'?s (?:stock |pick)|\bgave (?:our )?members [\d.]+ ?%|\b(?:ai|quant|trading) bots?\b",
    r"\b(?:keuntungan|profit|untung|pulangan)\b (?:pasti|dijamin|tinggi|\d+ ?%)|\bpasti untung\b"
    r"|\b(?:keuntungan|profit|untung|pulangan|returns?) (?:harian|mingguan|daily|weekly)\b"
    r"[^.!?\n]{0,10}\d+ ?%"
    r"|\btanpa risiko\b|\buntung besar\b",
    r"\b(?:profit|untung|cuan|gain)\w*\b[^.!?\n]{0,30}\+?\d+(?:[.,]\d+)? ?%"
    r"|\+\d+(?:[.,]\d+)? ?% (?:today|hari ini|this week|minggu ini)\b"
    r"|\b(?:trading emas|gold contract|trade on the (?:gold|platform)|my aunt taught me)\b"
    r"|" + MONEY + r" ?\d[\d,.]* (?:turned|grew|became) into " + MONEY + r" ?\d"
    r"|\b(?:tax|fee|deposit|margin)\b[^.!?\n]{0,60}\bbefore (?:the |your )?withdrawal\b"
    r"|\bwithdrawal (?:is |will be )?(?:released|unlocked)\b",
    r"\b(?:join|enter|invited to join|invite you to)\b[^\n]{0,60}\b(?:bitcoin|btc|crypto\w*|stocks?"
    r"|investment|trading|forex)\b[^\n]{0,40}\bgroup\b|\b(?:bitcoin|btc|crypto|stock|trading|investment)"
    r"\b[^.!?\n]{0,30}\b(?:discussion|sharing|analysis|exchange|learning|vip) group\b",
    r"\b(?:platform|trading|crypto|gold|forex|invest\w*)\b[^\n]{0,80}\b(?:made|earned|profited)"
    r" (?:over |more than |about )?" + MONEY + r" ?\d[\d,.]*k? (?:this|last|in a|in one|per|a)"
    r" (?:month|week|day)\b",
    r"\b(?:intraday|stock|trading|option|options|forex|crypto) (?:tips|signals)\b"
    r"|\b100 ?% (?:accuracy|accurate)\b|\bsure ?shot\b",
    r"\bangka jitu\b|\btogel\b|\bjamin(?:an)? \d+ ?% tembus\b|\bslot gacor\b",
)
# Online gambling pushed as a way to win money; the government's own warnings ("Judi online
# bikin rugi", "#STOPJUDIONLINE") name it too.
GAMBLING = rx(r"\b(?:judi|poker|kasino|casino|slot) online\b")
GAMBLING_WARNING = rx(
    r"\b(?:bahaya|merugikan|merusak|rugi|haram|stop ?judi\w*|jangan (?:pernah )?(?:main|mencoba|coba"
    r"|terjerumus|tergiur))\b"
)
INVEST_WEAK = rx(
    r"\binvestment (?:opportunity|plan|platform|package|group)\b|\btrading (?:group|signals?)\b",
    r"\b(?:staking|mining|arbitrage|trading|crypto) (?:pool|plan|bot|platform)\b"
    r"|\bminimum deposit\b",
    r"\b(?:gold|forex|crypto|stock|bitcoin) (?:market|trading|tips)\b",
    r"\binvestasi\b|\bpelaburan\b|\b(?:group|grup|kumpulan) vip\b|\bvip (?:group|grup)\b",
)
# "Hello, is this Dr. Mitchell?", "Hi Jessica, is this still your number?", "apakah ini Bu
# Rina?": a message checking it reached the right person, the usual first step of a
# "wrong number" conversation that is steered to romance or investing. A name must be
# capitalised, so "are you free?" or "are you home?" does not count.
_HONORIFIC = (
    r"(?:(?:mr|mrs|ms|miss|dr|doctor|pastor|uncle|aunt(?:ie|y)?|pak|bu|ibu|bapak|kak|kakak|mbak"
    r"|mas|abang|encik|puan|cik|madam|sir)\.? )"
)
_NOT_A_NAME = (
    r"(?!(?:Okay|Ok|Free|Home|Sure|Done|There|Here|Back|Awake|Alright|Busy|Ready|Coming|Still"
    r"|Serious|Going|Out|Up|In|On|Available|Around|Online|Able|Real|The|That|This|Your|You|It"
    r"|Me|What|Who|Where|How|Why|When|Morning|Afternoon|Evening|Tonight|Today|Tomorrow|Mon|Tue"
    r"|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_NAME = _NOT_A_NAME + r"(?-i:[A-Z][a-z]{2,})(?: (?-i:[A-Z][a-z]+))?"
_GREETING = (
    r"(?:(?:hi|hello|hey|halo|hai|helo|good (?:morning|afternoon|evening)|selamat (?:pagi|siang"
    r"|sore|malam|petang))\b[ ,!.]*(?:there|dear)?[ ,!.]*)?"
)
WRONG_NUMBER = rx(
    r"^\W*" + _GREETING + r"(?:is (?:this|that)|are you|am i (?:speaking|talking) (?:to|with)) "
    r"(?:still )?" + _HONORIFIC + "?" + _NAME + r"(?:'s (?:number|phone|clinic|office|shop))?\s*\?",
    r"[.!?,]\s*(?:are you|is this) " + _HONORIFIC + "?" + _NAME + r"(?:,? please)?\s*\?",
    r"\bare you the (?-i:[A-Z][a-z]+) (?:that|who) (?-i:[A-Z][a-z]+) (?:recommended|introduced|mentioned)\b",
    r"\bis (?:this|that) (?:still (?:your|(?-i:[A-Z][a-z]+)'s)|the right|(?-i:[A-Z][a-z]+)'s)"
    r" (?:phone )?number\b",
    r"^\W*" + _GREETING + r"are you the (?:landlord|owner|agent|seller|tutor|driver|manager"
    r"|person)\b[^?\n]{0,60}\?",
    r"^\W*" + _GREETING + _NAME + r",? right\s*\?",
    # "apakah ini Bu Rina?", "ini benar dengan Pak Hendra?", "ni Kak Ani kan?"
    r"^\W*"
    + _GREETING
    + r"(?:apakah |apa |adakah )?(?:ini|ni|benar ini|betul ini|ini benar|ini betul) (?:dengan )?"
    + _HONORIFIC
    + "?"
    + _NAME
    + r"(?: (?:ya|kan|ke|bukan))?\s*\?",
)
# "Hi Lucy, I'm Aisha, do you remember me?": a stranger who names herself and claims to know
# you. Friends who share a past do not introduce themselves (none of 57,000 legitimate messages
# in the datasets, the batches and the public samples has both parts).
SELF_INTRODUCTION = re.compile(
    r"(?:\bI'?m|\bI am|\bthis is|\bit'?s|\bits) (?-i:[A-Z][a-z]{2,})\b"
    r"(?! (?:here|back|home|fine|good|ok))",
    F,
)
CLAIMED_ACQUAINTANCE = rx(
    r"\b(?:remember me|long time no see|how have you been|last time we met|we met (?:at|in|last|on)"
    r"|haven'?t seen you in)\b"
)
ROMANCE = rx(
    r"\bsorry,? (?:wrong number|i (?:think i )?(?:have|got) the wrong (?:number|person))"
    r"|\bsorry (?:for|about) the wrong (?:message|text|number)\b|\bit'?s fate\b"
    r"|\b(?:got|have|dialled|dialed|texted|messaged) the wrong (?:number|person)\b",
    r"\b(?:ini )?(?:benar|betul|bener) (?:nomor|nombor|no)\b[^?\n]{0,30}\?"
    r"|\bdapat (?:nomor|nombor|no) (?:ini|ni|anda|kamu|awak|kakak|kak) dari\b",
    r"\b(?:got|found) your (?:number|contact) (?:from|on|in)\b",
    r"\bmaaf,? salah (?:sambung|kirim|nomor|orang)\b|\bboleh kenalan\b|\bkenalan yuk\b",
    r"\bmaaf,? (?:saya |aku )?(?:salah|tersalah) (?:nombor|hantar)\b|\bboleh berkenalan\b"
    r"|\bI'?m back in (?-i:[A-Z][a-z]+)\b"
    r"|\bboleh (?:kita )?berkawan\b|\bmungkin (?:ini )?takdir\b|\bkita berkenalan\b",
    r"\bcame across your (?:profile|number|photo)\b|\b(?:would|do) you (?:like|want) to be friends\b"
    r"|\bwe (?:met|matched|chatted) on (?:bumble|tinder|hinge|facebook|instagram|linkedin|a dating)",
    r"\b(?:look|looking) at (?:this|my|the) (?:photo|picture|pic)\b|\bsaw you (?:cross|walk|on the)"
    r"|\b(?:still )?(?:recogni[sz]e|remember) me\b|\bsecretly (?:watch|send)|\bsilently send\b",
    r"\blihat (?:foto|gambar) (?:ini|saya|aku)\b|\bmasih ingat (?:saya|aku)\b",
    r"\btengok (?:gambar|foto) (?:ini|saya|aku)\b|\b(?:nampak|dapat|jumpa) (?:nombor|nomor|no)"
    r" (?:awak|anda|kamu|kak|akak)\b",
    r"\bremind me (?:where|how|when) (?:we|did we) (?:met|meet|talked|talk|chatted|know each other)\b"
    r"|\byour (?:number|contact(?: info\w*)?) (?:is )?saved in my (?:phone|contacts)\b",
    r"\b(?:gave|gives|passed) me (?:your|this) (?:phone )?(?:number|contact)\b|\bsaved the wrong number\b"
    r"|\bintroduced (?:me )?to (?:me|you)\b|\bbuy you a (?:cup of )?coffee\b|\bto apologi[sz]e\b"
    r"|\b(?:not sure|don'?t know) if (?:the|this|i have the right) number\b"
    r"|^\W*(?:hi|hello|hey)\b,? (?:i'?m|i am|this is) [A-Z][a-z]+\b[^\n]{0,40}\b(?:are you|is this)\b"
    r"|\b(?:maybe|perhaps) (?:it'?s|this is) fate\b|\bwe (?:could|can) be friends\b"
    r"|\bnice to meet you\b",
    r"\b(?:you'?re|you are) in (?:a few|some|these|this|the|many)(?: of (?:them|the))? (?:photos?|pictures?"
    r"|pics?|videos?)\b|\bphotos? of you\b|\bis this you\b",
    r"\b(?:hi|hello|hey) (?:handsome|beautiful|gorgeous|dear|sweetie)\b|\bsaw your profile\b"
    r"|\bfelt a (?:connection|spark)\b",
    r"\bnever met (?:in person|face to face)\b|\bonly one i (?:can )?trust\b"
    r"|\b(?:gave|given|sent) me (?:the )?wrong (?:number|contact)\b"
    r"|\bwrong number\b[^\n]{0,120}\b(?:by the way|nice to meet|i am [A-Z][a-z]+|my name is)\b",
    # The reply to "sorry, wrong person": "My mistake. You seem nice. Since we're talking, how's
    # your day going?", "the way you responded to my silly mistake ... do you fancy a chat?"
    r"\b(?:my (?:silly )?|sorry for the |sorry about the )mistake\b|\byou seem (?:really )?(?:nice|kind"
    r"|friendly|lovely|sweet)\b|\bsince we(?:'re| are) (?:already )?(?:talking|chatting)\b"
    r"|\b(?:fancy|up for) a chat\b",
    r"\bkontak(?:mu|nya| kamu| anda)? (?:ter|di)simpan di (?:kontak|hp|ponsel)\w*"
    r"|\b(?:ingatkan|ingetin) (?:aku|saya) (?:di ?mana|kapan) kita\b",
)
MOVE_APP = rx(
    r"\b(?:add|contact|message|chat with|text|reach|find|join|dm)\b(?: me| us| you| our \w+)?"
    r" (?:on|via|through|at|in) (?:telegram|signal|wechat|kakao|viber|line app|whatsapp)\b",
    r"\badd (?:me|us|our (?:assistant|analyst|mentor|teacher|manager|team)) (?:on|via) whatsapp\b",
    r"\b(?:chat|contact|hubungi|info|wa|whatsapp)\b[^.!?\n]{0,12}\b(?:via |di |ke |on )?"
    r"(?:wa|whatsapp)\b[^.!?\n]{0,6}(?:\+?\d|x{6,})",
    r"\blink (?:grup|group) (?:telegram|wa|whatsapp)\b|\btelegram\s?:?\s?@\w+|\b(?:hubungi|chat|tambah(?:kan)?|add|gabung|sertai)\b(?: kami| saya)?"
    r" (?:di|via|melalui|ke) (?:telegram|wechat|line)\b",
)
GIFT_CARD = rx(
    r"\b(?:buy|send|purchase|get|pick up|order|pay (?:with|in))\b[^.!?\n]{0,30}\b(?:gift ?cards?"
    r"|itunes cards?"
    r"|google play cards?|steam cards?|amazon cards?|apple cards?)",
    r"\bhelp (?:me )?(?:out )?with (?:an? |some )?(?:apple |itunes |google play |steam |amazon |ebay )?"
    r"gift ?cards?\b",
    r"\bbeli(?:kan)? voucher (?:google play|game|itunes)\b|\bkad hadiah\b",
)
LOAN = rx(
    r"\b(?:loan|pinjaman|pinjol|kredit)\b[^.!?\n]{0,40}\b(?:approved|no credit check|without"
    r" (?:collateral|checks?)|tanpa (?:jaminan|agunan|bi checking|syarat)|cepat cair|lulus segera"
    r"|pantas)\b",
    r"\b(?:instant|fast|quick|easy) (?:cash )?loan\b|\bdana (?:tunai|cepat) cair\b"
    r"|\bdisburs\w* (?:instantly|quickly|today|within)\b|\bpinjaman (?:dana|modal|tunai)\b"
    r"|\b(?:loan|fund|funds|capital|financing)\b[^.!?\n]{0,40}\b(?:low interest|without (?:collateral"
    r"|survey|guarantee)|fast process)\b|\bneed money\b|\bgadai bpkb\b|\bagunan bpkb\b"
    r"|\b(?:non|tanpa)[- ]?bi[- ]?ch?ecking\b|\bloan fund\b|\brefused a loan\b"
    r"|\bcan'?t get credit\b|\bbad credit\b",
    r"\b(?:eliminat|reduc|forgiv|wip|consolidat|settl)\w*\b[^\n]{0,40}\b(?:your|current) (?:\w+ )?"
    r"(?:debts?|loans?)\b|\bdebt (?:relief|forgiveness|settlement)\b",
    r"\b(?:business|company|merchant) (?:financing|funding|loan|cash advance|line of credit)\b"
    r"[^\n]{0,60}(?:\b(?:approved|rates?|terms|today)\b|"
    + MONEY
    + r" ?\d)|\bapproved for (?:business )?"
    r"(?:financing|funding)\b|\binstall?ment (?:money|cash|loan)\b",
    r"\b(?:government|tax|erc|employee retention) credit\b[^\n]{0,80}\b(?:business|employees?"
    r"|claim|covid)\b",
)
WINDFALL = rx(
    # "Your A/C XXXX6596 can be credited with Rs.585000, check now": money that only might arrive
    # once you act. (A bank's alert says it "has been credited".)
    r"\b(?:can|could|may) be credit(?:ed)? (?:with|to)\b"
    r"|\bwill be credit(?:ed)? with\b[^!?\n]{0,40}\bafter (?:confirm\w*|verif\w*|you)\b",
    r"\bnext of kin\b|\bconsignment box\b|\bcompensation fund\b|\bunclaimed (?:bequest"
    r"|inheritance|funds?)\b|\bassigned beneficiary\b|\bdue to you\b"
    r"|\bhelp me (?:to )?(?:receive|transfer) (?:the |a |my |this )?funds?\b"
    r"|\b(?:million|crore|lakh) (?:dollars|usd|pounds|euros?|rupees)\b",
    r"\b(?:someone|somebody|person) (?:i can |who can )?(?:trust|take care of my (?:trust|money"
    r"|property|finance))\b[^\n]{0,60}\b(?:money|finance|funds?|property|trust|inheritance)\b",
    r"\b(?:org|orang)\b[^.!?\n]{0,20}\b(?:percaya|percayakan|amanah)\b[^\n]{0,40}"
    r"\b(?:uang|duit|wang|harta|dana)\b",
)
APK = rx(
    r"\b[\w-]+\.apk\b",
    r"\b(?:download|install|unduh|pasang|muat turun)\b[^.!?\n]{0,30}\bapk\b",
    # An attachment preview with its size, "📎 Surat Undangan Pernikahan Digital (6,6 MB)": the
    # document is an app in disguise
    r"\b(?:undangan|surat|tagihan|resi|kad jemputan|invoice|jemputan)\b[^\n]{0,40}\(\d+(?:[.,]\d+)? ?mb\)",
)
# A sign-in or new-device alert: routine from a bank, a pretext when it comes with a strange link.
ACCOUNT_ALERT = rx(
    r"\b(?:new|unrecogni[sz]ed|unknown) (?:device|phone|browser|location|ip(?: address)?)\b|\bnew payee\b"
    r"|\battempt(?:ing|ed)? to (?:log ?in|sign ?in|access your)\b",
    # "Not you?", "If you did not authorise this": the disowned payment that the link will cancel.
    r"\b(?:not you|was(?:n'?t| not) (?:this |it )?you|was this (?:not )?you)\?"
    r"|\bif (?:this|it) was(?:n'?t| not) (?:you|u)\b"
    r"|\b" + DID_NOT_DO + r"\b"
    r"|\bbilling (?:problem|issue|error)\b|\b(?:card|payment)(?: on file)? (?:was |has been )?declined\b",
    r"\b(?:peranti|perangkat) (?:baharu|baru|tidak dikenali)\b|\bbukan anda\?",
    r"\b(?:cukai jalan|lesen|roadtax|road tax)\b[^.!?\n]{0,30}\b(?:tamat tempoh|expired|expires)\b",
    r"\byou have (?:\d+|a|an) (?:new |unread )?(?:voice ?mails?|voice messages?|notifications?)\b"
    r"|\bvoice ?mail message receive|\bvoice message from\b",
    r"\b(?:additional |further )?verification (?:is )?required\b"
    r"|\bdid (?:you|u) (?:attempt|authori[sz]e|make|try)\b[^.!?\n]{0,30}\b(?:charge|purchase|payment"
    r"|transaction|transfer)\b|\b(?:verify|update|confirm) (?:your |the )?details? to (?:receive|claim|get)\b"
    r"|\b(?:flag(?:ged)?|reported|marked) as (?:inappropriate|inadequate|offensive|abusive)\b"
    r"|\bviolat\w* (?:our |the )?(?:community |copyright )?(?:standards|guidelines|polic(?:y|ies))\b"
    r"|\byou have (?:a |\d+ )?miss(?:ed)? calls?\b"
    r"|\bto \W?(?:deny|decline|dispute|reverse|cancel|stop) (?:the |this |that )?(?:payment|charge"
    r"|transaction|purchase)\b|\bto \W?deny\b"
    r"|\b(?:fix|renew(?:al)?|update) your (?:bill|billing|subscription)\b|\b(?:subscription|membership"
    r"|account) (?:is )?on \W?ho[il]d\b",
    r"\b(?:lost|stolen) (?:iphone|phone|device)\b[^.!?\n]{0,40}\b(?:located|found|connected|online)\b"
    r"|\blost mode\b",
    # "Someone uploaded your pictures", "why did your mom upload an old video": the malware link
    # dressed as something embarrassing about you
    r"\b(?:uploaded|posted|leaked|upload|post)\b (?:an? |all )?(?:old |your |of your )?"
    r"(?:(?:i |private )?pictures?|photos?|videos?|album)\b|\bis (?:this|that) you in (?:this|the|that)"
    r" (?:video|photo|picture)\b",
)
# "You've been in close contact with someone who tested positive, order a test kit", "register
# for your Covid pass": routine from a health service, the pretext of the pandemic-era phishing
# waves when the link is not the service's own.
HEALTH_ALERT = rx(
    r"\b(?:close contact|(?:been|be) (?:near|in contact)|interact(?:ed)?) with (?:someone|somebody"
    r"|a person|a confirmed case)\b",
    r"\b(?:order|book|request|apply for|get)\b[^.!?\n]{0,20}\b(?:(?:free |home |pcr |rapid "
    r"|swab |covid(?:-19)? )*test[- ]?kits?)\b",
    r"\b(?:covid|vaccin\w*|digital) (?:pass(?:port)?|pas|certificate)\b[^.!?\n]{0,40}"
    r"\b(?:register|apply|mandatory|required|requirement)\b"
    r"|\bregister for (?:your |a )?(?:covid|vaccin\w*|digital) (?:pass(?:port)?|pas|certificate)\b",
)
# Opening or installing an "app" to see a parcel photo, a traffic ticket or a wedding invitation:
# the Indonesian and Malaysian malware campaigns (the app then reads SMS codes and bank apps).
APP_LURE = rx(
    r"\b(?:install|instal|pasang|unduh|download|muat turun|aplikasi\w*)\b[^.!?\n]{0,60}\b(?:izinkan|benarkan"
    r"|allow (?:all|the) permissions?)\b",
    r"\b(?:(?:di)?buka|lihat|cek|open)\b[^.!?\n]{0,15}\b(?:aplikasi|apk|app|file)\w*\b[^.!?\n]{0,30}"
    r"\b(?:surat tilang|tilang|undangan|saman|foto|resi|tagihan|bil|invitation|ticket)",
    r"\b(?:surat tilang|undangan (?:pernikahan|nikah|digital|majlis)|kad jemputan (?:digital|kahwin)"
    r"|foto (?:paket|barang))\b[^\n]{0,100}\b(?:install|instal|unduh|download|buka aplikasi"
    r"|pasang)\b",
)
# Words that point at a link the sender removed or that the reader must find ("click this link",
# "[LINK]"): the link counts as one that Qila cannot see.
LINK_MENTION = rx(
    r"\[(?:[a-z]+ ){0,2}(?:link|url|lien|tautan|pautan)\]|<(?:link|url)>",
    r"\b(?:click|tap|open|visit|press) (?:on )?(?:this|the|below|following|above) (?:link|url)\b"
    r"|\b(?:in|at|via|through|on|from) the (?:link|url)(?: below| above| provided)?\b"
    r"|\b(?:here|below|link|website)\s*:\s*$|\bclick here\b"
    r"|\b(?:i am|i'm|we are|we're) (?:sending|sharing) (?:you )?(?:one |a |the )?link\b|\blink (?:below|above)\b|\b(?:di bawah ini|berikut ini|di bawah)\W*$|\bscan (?:the|this) (?:attached |following )?qr(?: code)?\b",
    r"\b(?:klik|buka|tekan|kunjungi|layari) (?:link|tautan|pautan|lin) (?:ini|berikut|di bawah)"
    r"|\bklik\b[^.!?\n]{0,15}\b(?:di ?bawah|dibawah)\b"
    r"|\b(?:melalui|lewat|di|pada) (?:link|tautan|pautan) (?:ini|berikut|di bawah)\b",
)
CLICK_LINK = rx(
    r"\b(?:verify|re-?verify|confirm|update|validate|activate|reactivate|re-activate|unlock|restore"
    r"|renew|regulari[sz]e)\b (?:your |the )?(?:account|details|information|identity|address"
    r"|payment|card|profile|billing|data|kyc|registration|device|credentials?|invoice"
    r"|subscription|membership)\b",
    r"\baccess your (?:online )?(?:account|banking)\b|\b(?:log ?in|sign ?in|log on) (?:here|now|to "
    r"your account)\b",
    r"\bsecure your account\b|\baccept (?:this|the|your) (?:\w+ )?(?:payment|transfer|e-transfer|funds"
    r"|deposit)\b"
    r"|\bconfirm (?:the |your )?(?:sale|order|listing)\b|\b(?:receive|accept|release) (?:the |your )?"
    r"(?:payment|funds|money)\b|\b(?:isi|lengkapi|mengisi) (?:formulir|form)\b|\b(?:batalkan|lindungi) (?:&|dan) (?:lindungi"
    r"|batalkan)\b"
    r"|\bfollow the (?:next )?steps (?:at|here|in|on)\b|\bfurther action is required\b",
    r"\b(?:verifikasi|perbarui|aktifkan kembali|pulihkan|sahkan|kemas ?kini)\b (?:data|akun|akaun"
    r"|rekening|identitas|maklumat|butiran)\b",
)
# -- general smishing shapes that transfer across collections --------------------------------

PREMIUM_RATE = rx(
    r"\b(?:call|ring|dial|phone|tel|on)\b[^.!?\n]{0,15}\b09\d{8,9}\b|\b08(?:7|45)\d{7,8}\b",
    # Indonesia's premium-rate lines start 0809 ("TELP DONG 08091234500"); so do Nigerian
    # mobiles, hence only after Indonesian words for calling
    r"\b(?:telp|tlp|tlpn|telpon|telepon|hub|hubungi|no ini|nomor ini)\b[^.!?\n]{0,15}\b0809\d{5,8}\b",
    r"\b\d{1,3} ?p ?(?:/|per) ?min\b|\b\d{2,3}ppm\b|\bper min(?:ute)? (?:from|cost)|\bcalls? cost"
    r"|\bcost ?£ ?\d|\b£\d(?:\.\d\d)?/(?:msg|min|wk|week|txt)\b|\bmsg\d+p\b|\b1[05]0p\b",
    r"\b(?:txt|text|send|reply|sms|ketik|ketikkan|taip)\b[^.!?\n]{0,30}\b(?:to|ke|kirim ke|hantar ke)"
    r" \d{4,6}\b(?!\s*(?:stop|unsub))",
    r"\b(?:secret admirer|fancies you|dating service|chat ?n ?date|saucy|horny)\b",
)
PREMIUM_NUMBER = re.compile(r"\b09\d{8,9}\b|\b087\d{8}\b", F)
PREMIUM_STOP = re.compile(
    r"\b(?:stop\w*|unsub\w*|help|berhenti|unreg)\b\W{0,3}(?:to|ke) \d{4,6}", F
)
LURE = rx(
    r"\b(?:won|win|winner|winning|prize|cash|rewards?|claim|selected|chosen|guaranteed|awarded?"
    r"|jackpot)\b",
    r"\b(?:tried|trying|attempt) (?:to )?(?:contact|reach|call) (?:you|u)\b|\bis inviting you\b"
    r"|\b(?:you|u) have (?:\d+|a|an) (?:new |unread |urgent )?(?:messages?|voicemails?|msgs?)\b"
    r"|\b(?:messages?|voicemails?|parcel|package|delivery) (?:is )?waiting (?:for (?:you|u))?\b"
    r"|\bimportant customer service announcement\b|\bmissed call alert\b",
    r"\b(?:hadiah|uang tunai|menang\w*|pemenang|undian|terpilih|tahniah|ganjaran)\b",
)
CALL_TO_ACT = rx(
    r"\b(?:call|ring|dial|phone|text|txt|sms|reply|contact|whatsapp|wa|chat|visit|click|tap"
    r"|go to|log ?on|send)\b",
    r"\b(?:hubungi|hub|klik|kunjungi|balas|ketik|telp|tlp|telpon|layari|tekan|hantar|kirim)\b",
)
CASH_PRIZE = rx(
    AMOUNT
    + r"(?![\d.,]* of your)[^.!?\n]{0,40}\b(?:cash (?:prize|reward|award|bonus)|prize|reward|award|bonus"
    r"|won|win|hadiah|(?<!secara )(?<!bayar )(?<!dibayar )(?<!pembayaran )tunai|menang\w*"
    r"|vouchers"
    r"|ganjaran|voucher|(?<!bday )(?<!birthday )(?<!wedding )gift)\b",
    r"\b(?:won|win|claim|awarded|receive|menang\w*|mendapat\w*|mendptkn|memenangi|terima|dapat)\b"
    r"[^.!?\n]{0,40}" + AMOUNT,
    r"\b(?:you(?:'ve| have)? been|has been|u've been|u have been|ur|your number)\b[^.!?\n]{0,20}"
    r"\b(?:selected|chosen|picked(?! up)|won)\b|\brandomly (?:picked|selected|chosen)\b",
    r"\b(?:anda|kamu|nomor anda|no anda|nombor anda)\b[^.!?\n]{0,20}\b(?:terpilih|dipilih)\b",
    r"\b(?:mendapat\w*|m-?dpt\w*|m-?dapat\w*|mndpt\w*|mndapat\w*|dpt|mendptkn|memenangkan|memenangi)\b[^.!?\n]{0,15}"
    r"\b(?:mobil|motor|hadiah|uang tunai|cek tunai|kereta)\b",
)
LINK_CTA = rx(
    r"\b(?:click|tap|visit|go to|log ?in|sign ?in|verify|update|confirm|activate|redeem|claim"
    r"|apply|register|pay|download|install)\b[^.!?\n]{0,30}$",
    r"\b(?:klik|kunjungi|daftar|layari|tekan|tebus|sahkan|bayar|log masuk|unduh|pasang)\b"
    r"[^.!?\n]{0,30}$",
    r"\b(?:link|here|below|di sini|disini|berikut|dibawah|di bawah)\W*$",
    r"\b(?:this|the|in this) (?:photo|picture|pic|video)\b[^.!?\n]{0,30}$|\bsecretly watch",
)
BANK_TRANSFER = rx(
    r"\b(?:uang\w*|duit\w*|dana\w*)\b[^!?\n]{0,15}\b(?:di ?transfer|di ?kirim|transfer|kirim)\w*"
    r"\b[^!?\n]{0,20}\bke (?:bank|rek|rekening|no)\b",
    r"\b(?:ini|berikut)\b (?:no\.? |nomor |nombor )?(?:rekening|rek|akaun)\w*\b",
    r"\b(?:kirim|transfer|tf)\w* ke bank\b[^!?\n]{0,20}\b(?:no\.? ?)?rek",
    r"\b(?:transfer\w*|tf|kirim\w*|bank ?in\b|masukkan)[^.!?\n]{0,50}\b(?:ke |kpd |to )?(?:no\.? ?)?"
    r"(?:rek(?:ening|ning)?|akaun|account)\b[^.!?\n]{0,40}(?:\d[\d -]{6,}|a/?n\b|atas nama)",
    r"\b(?:no\.? ?rek(?:ening)?|rekening|rek|akaun)\b\W{0,3}[^!?\n]{0,25}\d[\d -]{7,}"
    r"[^!?\n]{0,40}\b(?:a/n|an\.|atas nama)",
    r"\b(?:a/n|atas nama)\b[^!?\n]{0,40}\b(?:no\.? ?)?rek(?:ening)?\b\W{0,3}\d[\d -]{7,}",
)
# "I transferred Rp500.000 to your number by mistake, please send it back": the sender's "money"
# was a fake credit notice or a reversible loan; what you send back is real.
MISTAKEN_TRANSFER = rx(
    # "sent ... by mistake" or "accidentally sent", then "send it back"
    r"\b(?:(?:sent|transferred|paid|deposited|credited)\b[^.!?\n]{0,40}\b(?:by mistake|accidentally"
    r"|mistakenly|wrongly|in error)|(?:accidentally|mistakenly|wrongly) (?:sent|transferred|paid))\b"
    r"[^\n]{0,120}\b(?:send|return|refund|transfer|pay|reverse)\b[^.!?\n]{0,15}\b(?:back|it|the money)\b",
    r"\bwrong (?:number|account)\b[^\n]{0,40}\b(?:send|return|transfer|reverse) (?:it|the money) back\b",
    r"\b(?:kindly|please|pls|plz) (?:reverse|return|refund|send (?:it )?back)\b[^\n]{0,30}\b(?:sent|transferred"
    r"|paid|credited)? ?(?:wrongly|by mistake|in error|mistakenly|accidentally)\b",
    r"\b(?:reverse|return|refund|send back) (?:it|the money|the funds)\b[^\n]{0,40}\b(?:sent|transferred"
    r"|paid) (?:wrongly|by mistake|in error|mistakenly|accidentally)\b",
    r"\b(?:salah|tersalah|tersilap|silap) (?:transfer|kirim|tf|hantar|masuk(?:kan)?|duitnow|dana|gopay|ovo"
    r"|tng|bank ?in)\b[^\n]{0,120}"
    r"\b(?:kembalikan|dikembalikan|balikin|pulangkan|transfer balik|kirim balik|hantar balik"
    r"|pulang balik)\b",
)
PULSA = rx(
    r"\b(?:beli|bli|isikan|isi'?in|kirim|krm|tukok|belikan|beliin|bliin|kirimin|tolong|\w+keun)"
    r"\w*\b(?:\s+\S+){0,3}?\s+(?:pulsa|pls|ulsa)(?:\b|(?=\d))",
    r"\bpulsa\b[^.!?\n]{0,30}\b(?:ke|di) (?:no|nomor|nmr|nombor)\b",
)
# "Pay my boss / my husband instead": a stranger says payment (rent, instalment, a sale price)
# now goes through someone else, whose number the message gives.
_THIRD_PARTY = (
    r"\b(?:atasan|suami|saudara|sodara|bapa|bapak|bpk|pak|ibu|bu|mr|mrs|sister|brother|husband"
    r"|boss|manager)\b"
)
# "Our bank details have changed, please pay this month's invoice to the new account": a supplier's
# or landlord's account swapped for the fraudster's; a real change is confirmed by phone.
CHANGED_PAYEE = rx(
    r"\b(?:our|my|the) (?:bank|banking|account|payment) details (?:have|has) (?:changed|been (?:changed"
    r"|updated))\b[^\n]{0,80}\b(?:pay|use|send|transfer)\b",
)
PAYMENT_REDIRECT = rx(
    r"\b(?:sudah|sdh|shd|dh|telah)\s+(?:sy |saya |sya |kami )?(?:di)?kuasakan\b"
    r"|\bperubahan (?:pembayaran|no\.? rek\w*|nomor rek\w*)\b",
    r"\b(?:di ?bayar|di ?transfer|di ?terusin|di ?teruskan|pembayaran|angsuran|kontrakan|setoran)"
    r"\b[^\n]{0,60}\b(?:hub|hubungi|tlp|telp|telpon|telepon|sms|ke)\b[^\n]{0,15}" + _THIRD_PARTY,
    r"\b(?:harga|hrg|nego|negosiasi)\w*\b[^\n]{0,40}\b(?:hub|hubungi|tlp|telp|telpon|sms)\w*\b"
    r"[^\n]{0,20}\b(?:suami|saudara|sodara|bapa|bapak|atasan|istri)\b",
    r"\b(?:hub|hubungi|tlp|telpon|sms)\w* (?:suami|saudara|sodara|bapa|atasan|istri) "
    r"(?:sy|saya|kami)\b[^\n]{0,60}\b(?:harga|hrg|nego|negosiasi|bayar|transfer)\w*\b",
    r"\b(?:change|changed) (?:in|of|to) (?:the |my )?(?:bank )?account(?: number)?\b"
    r"|\b(?:pay|payment|rent|instal+ment)\b[^.!?\n]{0,40}\b(?:to|with|through) (?:mr|mrs|my "
    r"(?:boss|manager|sister|brother|husband))\b",
    # "can you send it to my mate's account, name J Okafor BSB 062-145"
    r"\b(?:send|pay|transfer)\b[^.!?\n]{0,20}\bto my (?:mate|friend|cousin|landlord|boss)'?s? (?:bank )?"
    r"(?:account|acc|acct)\b",
)
EMERGENCY = rx(
    r"\b(?:kantor polisi|ditangkap|kecelakaan|rumah sakit|masuk rs|balai polis|hospital|accident"
    r"|police station|arrested|ditahan polisi|in jail|bail|lawyer|stranded|stuck at (?:the )?airport"
    r"|card (?:got |was |has been )?declined|lost my wallet|wallet (?:was |got )?stolen"
    r"|admitted (?:to|after|in|for))\b",
)
BORROWED_PHONE = rx(
    r"\b(?:pake|pakai|pinjam|pinjem|guna)\b (?:hp|handphone|telefon|nomor|nmr|no|nombor|fon|phone) "
    r"(?:tmn|teman|temen|kawan|orang|orng|org)\b",
    r"\b(?:nmr|nomor|no|nombor|nmrku|nomorku)\w* (?:baru|anyar|brunya|barunya)\w*\b",
)
LOAN_OFFER = rx(
    r"\bp(?:i)?nj(?:a)?man\b[^.!?\n]{0,20}\b(?:mudah|cepat|tanpa|tnpa|dana|online|peribadi)\b"
    r"|\bt(?:a)?npa jaminan\b",
    r"\bloans?\b[^.!?\n]{0,80}\b(?:fast|easy|quick|interest|whatsapp|wa|chat|liquid)\b"
    r"|\boffer(?:s|ing)? (?:a |you )?loans?\b"
    r"|\b(?:business |working )?(?:capital|funds?|modal)\b[^.!?\n]{0,40}\b(?:interest|bunga)\b"
    r"|\b(?:funds?|capital|modal|dana)\b[^.!?\n]{0,40}\b0[.,]\d+ ?%? ?(?:per|/) ?(?:month|bulan|bln)",
    r"\b(?:dana tunai|pinjaman (?:dana|online|tunai|modal|peribadi|mudah|cepat|koperasi)"
    r"|butuh dana|perlu dana|gadai bpkb|jaminan bpkb|bunga (?:rendah|ringan|0|\d+[,.]\d+ ?%)"
    r"|faedah rendah|kadar faedah|tanpa (?:jaminan|agunan|survey|survei|dokumen|bi ?checking))\b",
    r"\b(?:personal|business|instant|fast|quick|easy|cash) loans?\b|\bloans? (?:for any purpose"
    r"|up to|facilit\w*|approved|fund|offer)\b|\bpreviously refused\b|\bneed (?:a )?loan\b"
    r"|\bapproved in \d+\b|\blow interest\b",
    r"\binterest \S+ (?:a |per |/ ?)?(?:year|month)\b[^\n]{0,80}\b(?:wa|whatsapp|call|info|chat)\b"
    r"|\bbpkb\b|\bwithout (?:need to be )?survey\w*\b|\bvehicle (?:certificate|registration)\b(?=[^\n]{0,60}\b(?:loans?|collateral|cash)\b)",
)


_DONE = re.compile(r"\b(?:sudah|sdh|telah|udah|dah|already|just)\b[^.!?\n]{0,25}$", F)
# ... or reported done after it: "Transfer Rp 750.000 ke rek 0123xxxx a.n. RINI A. berhasil".
_DONE_AFTER = re.compile(
    r"^[^!?\n]{0,90}?\b(?:berhasil|berjaya|sukses|successful(?:ly)?|succeeded|completed|telah diproses"
    r"|(?:sudah|sdh|telah|udah|dah) (?:masuk|diterima|dikirim|terkirim))\b",
    F,
)


# Words that turn "ask" into "will never ask" (English, Indonesian, Malay).
_NEGATIONS = (
    "never|not|n't|tidak pernah|tidak akan|tak akan|takkan|(?:ga|gak|nggak|ngga|enggak|gk) (?:bakal|akan)"
    "|(?:tdk|tak|gak|ga|nggak|ngga) pernah"
)
# "Bajaj Finance will not ask you to send or transfer money": a warning, not a request ("don't
# forget to send the money" is still a request, hence ask verbs only).
_NEVER_ASKS_MONEY = re.compile(
    rf"\b(?:{_NEGATIONS})\b(?:\s+\w+){{0,2}}?\s+(?:ask|request|minta|meminta)\b", F
)
# A code that arrived by mistake and was kept ("kodenya ga gw kasih ke siapa2", "jangan bagi
# sape2 tau, delete je"), unless someone still asks for it ("... tolong kirim ke aku").
_KEPT_CODE = re.compile(
    r"\b(?:ga|gak|nggak|tidak|tak|jangan|jgn|never|won'?t|didn'?t|don'?t)\b(?: \w+)? (?:di)?(?:"
    + _HAND_OVER
    + r"|kasi|give|gave|sent)\w*\b",
    F,
)
_WANTS_CODE = re.compile(
    r"\b(?:tolong|pls|plz|please|bisa|boleh|can you|could you|minta)\b[^.!?\n]{0,30}\b(?:"
    + _HAND_OVER
    + r"|sebut|screenshot|ss|hantar|give|tell)\w*\b",
    F,
)
_OPEN_TO_CHECK = re.compile(
    r"\b(?:i'?ll|i will|will) (?:ring|call|phone) (?:you|u)\b|\bkeep the old (?:one|number)\b"
    r"|\bold (?:number|one|sim) (?:still )?works\b|\bno need to (?:reply|respond|text back)\b"
    r"|\bnothing (?:urgent|else)\b|\b(?:don'?t|do not) need anything\b|\bif i (?:ring|call)\b|\b(?:ga|gak|nggak|tidak|tak) (?:bakal |akan )?minta (?:pulsa|uang|duit|transfer"
    r"|wang)\b|\b(?:will not|never) ask (?:you )?for (?:money|cash)\b|\b(?:telpon|telepon|call) aja\b"
    r"|\bring me (?:on|at) (?:it|this|this one|this number)\b|\bnot after anything\b",
    F,
)
NEW_NUMBER_WITH_ASK = 50  # a new number that comes with a family tie or a money ask
_NEGATED = re.compile(rf"\b(?:{_NEGATIONS})\s+$", F)  # "aku ga bakal minta pulsa"


def _sentence_before(text: str, at: int) -> str:
    """The part of the sentence that ends at ``at``."""
    return re.split(r"[.!?\n]", text[:at])[-1]


def _not_done(pattern: re.Pattern[str], text: str) -> str | None:
    """The first match that is not a report of something done ("sudah saya transfer ke
    rekening Bapak" tells, it does not ask) nor a bank's warning ("we will never ask you to
    transfer money")."""
    for match in pattern.finditer(text):
        if _DONE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        if _DONE_AFTER.search(text[match.start() :]):
            continue
        before = _sentence_before(text, match.start())
        if _NEVER_ASKS_MONEY.search(before) or _NEGATED.search(before):
            continue
        return match.group(0)
    return None


_NEVER_ASK = re.compile(
    rf"\b(?:{_NEGATIONS}|jangan|tidak sesekali)\b(?:\s+\w+){{0,3}}?\s+(?:ask|request|minta"
    r"|meminta|mengirim|send)",
    F,
)


_ASKED_WARNING = re.compile(
    r"\bif (?:you(?:'re| are) (?:being )?asked|anyone asks|someone asks|anybody asks)\b"
    r"|\bdelivery (?:agent|executive|partner|person|boy|rider)\b|\bat the time of (?:delivery|handover)\b"
    r"|\bjika (?:ada yang|seseorang) meminta\b|\bjika (?:anda )?diminta\b",
    F,
)


# Details given in the organisation's own app, or a code handed to its courier at the door ("Share
# OTP 4619 with your Swiggy delivery partner only when you receive order ...").
_IN_APP = re.compile(
    # the code handed over at the door: "with the Wishmaster", "only AFTER you receive your order"
    r"(?i:^[^.!?\n]{0,40}\bwith (?:your |the |our )?(?:\w+ )?(?:delivery (?:agent|executive|partner"
    r"|person|boy|rider|associate)|courier|rider|driver|wishmaster)\b"
    r"|^[^.!?\n]{0,40}\bonly (?:after|when|once) you (?:have )?(?:receive|get|got|collect)\w*"
    r" (?:your |the )?(?:order|package|parcel|delivery|item|food)\b"
    r"|^[^.!?\n]{0,40}\b(?:only )?at the time of delivery\b)"
    # (case matters below: OWN_APP and OWN_APLIKASI find the app by its capitalised name)
    r"|^[^.!?\n]{0,20}\b(?:in|via|through|using) "
    + OWN_APP
    + r"|^[^.!?\n]{0,20}\b(?:dalam|di|melalui|lewat) "
    + OWN_APLIKASI,
)


# "Not you? Block your card in the app": a sentence that starts by telling you to block or
# freeze your own card offers a safeguard, it threatens nothing.
_OWN_SAFEGUARD = re.compile(r"(?:block|lock|freeze|suspend|deactivate) your\b", F)
# "Supply will be disconnected for maintenance from 10am to 2pm": planned work on a utility,
# not a threat (an account "suspended due to security maintenance" stays one).
_PLANNED_WORK = re.compile(
    r"^[^.!?\n]{0,20}\b(?:for|due to) (?:a |the )?(?:planned |scheduled |routine )?(?:maintenance"
    r"|repairs?|upgrad\w+|(?:network |line |cable )?works?)\b",
    F,
)
_UTILITY = re.compile(r"\b(?:electricity|power|supply|water|gas|broadband|internet)\b", F)


def _threat(text: str) -> str | None:
    for match in THREAT.finditer(text):
        sentence = _sentence_before(text, match.start())
        if not sentence.strip() and _OWN_SAFEGUARD.match(match.group(0)):
            continue
        if _UTILITY.search(match.group(0)) and _PLANNED_WORK.search(text[match.end() :]):
            continue
        return match.group(0)
    return None


def _requests(pattern: re.Pattern[str], text: str) -> str | None:
    """The first match that is not negated ("do not share your OTP" is not a request)."""
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if NEG.search(before):
            continue
        sentence = _sentence_before(text, match.start())
        if _NEVER_ASK.search(sentence):  # "we will never ask you to ... or share your PIN"
            continue
        if _ASKED_WARNING.search(sentence):  # "if you're being asked to share this code, hang up"
            continue
        rest = re.split(r"[.!?\n]", text[match.end() :], maxsplit=1)[0]
        if _IN_APP.search(rest):  # "... in the MyYes4G app", "... with your delivery partner"
            continue
        return match.group(0)
    return None


@cache
def _brand_rx() -> re.Pattern[str]:
    return text_brand_pattern()


def find_brand(text: str) -> tuple[str, str] | None:
    """(brand name, kind) of the first organisation the text names, if any."""
    from qila.analysis.domains import brand_for_keyword

    match = _brand_rx().search(text)
    if not match:
        return None
    return brand_for_keyword(match.group(0))


def _contact(text: str) -> bool:
    """A way to act: a phone number, a short code or a call to action."""
    return bool(re.search(PHONE, text) or CALL_TO_ACT.search(text))


def link_call_to_action(before: str) -> bool:
    """Whether the words just before a link push the reader to open it."""
    return LINK_CTA.search(before[-60:]) is not None


# "Your paymen.t for la.st month was pa.id": dots inside words hide them from filters. One side
# of a split is a fragment of at most three letters; two whole words ("suspended.more info") are
# a missing space, and file names ("Surat_Tilang.apk") keep their dot.
_SPLIT_WORD = re.compile(
    r"\b([A-Za-z]+)\.(?!(?:apk|pdf|exe|zip|rar|jpe?g|png|docx?|xlsx?|html?|com|net|org)\b)"
    r"([a-z][A-Za-z]*)\b"
)
# "Y0U FED3R4L RETURN W4S", "4CCOUNT": digits for letters inside words, another filter dodge.
# Amounts ("RM4k", "Rp5rb") and codes with several digits are left alone.
_LEET_WORD = re.compile(r"\b[A-Za-z0134$5_]*[A-Za-z][A-Za-z0134$5_]*\b")
_LEET_LETTER = {"0": "O", "1": "I", "3": "E", "4": "A", "$": "S", "5": "S"}
_LEET_PARTS = re.compile(r"([0134$5]*)(.*?)([0134$5]*)", re.DOTALL)
_AMOUNT_START = re.compile(r"(?:rm|rp|rs|us|usd|sgd|idr|myr|inr)\d", F)
# "Renewal-your-bill-now", "YOUR-SUBSCRIPTION-IS-ON": words chained by hyphens or underscores.
_CHAINED = re.compile(r"\b[A-Za-z]+(?:[-_][A-Za-z]+){2,}\b")
# "Best_Buy", "T_V": an underscore between letters is never how people write a space.
_UNDERSCORE = re.compile(r"(?<=[A-Za-z])_(?=[A-Za-z])")


def _unsplit(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    return left + right if min(len(left), len(right)) <= 3 else match.group(0)


def _unleet(match: re.Match[str]) -> str:
    """Letters for the digits inside a word; a leading 0 or 4 only before capitals ("4CCOUNT",
    not "4ever"); trailing digits ("top10") stay."""
    word = match.group(0)
    digits = sum(c.isdigit() for c in word)
    if digits == 0 or digits * 2 > len(word) or _AMOUNT_START.match(word):
        return word
    parts = _LEET_PARTS.fullmatch(word)
    assert parts is not None  # the pattern matches any string
    lead, core, trail = parts.groups()
    core = "".join(_LEET_LETTER.get(c, c) for c in core)
    if lead in ("0", "4") and len(core) >= 3 and core.isupper():
        lead = _LEET_LETTER[lead]
    return lead + core + trail


# "won't" is not "won": the prize rules would read "won't cover your next crossing" as a win.
_WONT = re.compile(r"\bwon't\b", re.IGNORECASE)
# The rules read a sentence at a time ([^.!?]), so the dot of an amount ("$4.10", "Rp150.000")
# or of a currency or number abbreviation ("Rs.4,200", "No.5") would end it mid-phrase: "Pay GST
# Rs.4,200 to get amount credited" would not be read as one request. (Other numbers keep their
# dot: "GRATIS 7.5GB" is a telco's data bundle, and reads as before.)
_AMOUNT = re.compile(
    MONEY + r" ?\d[\d.,]*\d|\b\d{1,3}(?:\.\d{3})+\b"
    r"|\b\d[\d,]*\.\d{1,2}(?= ?(?:usdt|usd|eur|gbp|sgd|myr|idr|inr|aud|cad|btc|eth)\b)",
    re.IGNORECASE,
)
# "Your   Citizens   Online   Banking   has   been   restricted": words spread apart by runs of
# spaces, read as one space.
_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}")
_ABBREVIATION_DOT = re.compile(
    r"(?<=\b(?:rs|rp|no))\. ?(?=[A-Z]*\d|(?:ref|rujukan|akaun|account|acct|mykad|kp|ic|tel|telefon|hp"
    r"|rek|rekening|resi|invoice|order|kad|card)\b)",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Undo the usual filter dodges (split words, digits for letters, words chained by hyphens
    or underscores) so the rules read what a person reads; "won't" is read as "will not"."""
    text = _WONT.sub("will not", _SPACE_RUN.sub(" ", text))
    text = _AMOUNT.sub(lambda m: m.group(0).replace(".", ","), _ABBREVIATION_DOT.sub(" ", text))
    for _ in range(4):  # "c.a.r.d.s" needs a pass per dot
        joined = _SPLIT_WORD.sub(_unsplit, text)
        if joined == text:
            break
        text = joined
    text = _LEET_WORD.sub(_unleet, text)
    text = _CHAINED.sub(lambda m: re.sub(r"[-_]", " ", m.group(0)), text)
    return _UNDERSCORE.sub(" ", text)


def check_text(text: str) -> list[RuleHit]:
    """All tactic hits in ``text`` (no combination, no reassurance logic)."""
    hits: list[RuleHit] = []
    text = normalise(text)

    def add(code: str, weight: float, evidence: str | None) -> None:
        if evidence:
            hits.append(RuleHit(code, weight, evidence.strip()[:80]))

    urgent = first(URGENCY, text)
    add("urgency", 10, urgent)
    legal = first(LEGAL_THREAT, text)
    add("threat", 30 if legal else 25 if urgent else 20, legal or _threat(text))
    prize = first(PRIZE, text)
    add("prize", 35 if prize and PRIZE_ACTION.search(text) else 22, prize)
    add("refund", 18, first(REFUND, text))
    add("fee", 28, first(FEE, text))
    add("parcel_problem", 18, first(PARCEL, text))
    hijack = first(CODE_HIJACK, text)
    if hijack and _KEPT_CODE.search(text) and not _WANTS_CODE.search(text):
        hijack = None  # "Gak aku kasih ke siapa2 kok": the code was kept, nobody asks for it
    add("code_hijack", 60, hijack)
    if not hijack:
        asked = _requests(_REQ_CODE, text) or first(_WHATS_CODE, text)
        specific = asked is not None and _SPECIFIC_CODE.search(asked) is not None
        add("otp_request", 50 if specific else 30, asked)
    add("credentials", 35, _requests(CREDENTIALS, text))
    add("card_details", 35, _requests(CARD, text))
    add("id_details", 25, _requests(ID_DETAILS, text))
    family = first(_FAMILY, text)
    new_number = first(NEW_NUMBER, text) or first(BORROWED_PHONE, text)
    asked_money = (
        _not_done(PULSA, text) or _not_done(BANK_TRANSFER, text) or first(MISTAKEN_TRANSFER, text)
    )
    money = _not_done(MONEY_REQUEST, text) or asked_money
    if money and EMERGENCY.search(text):
        family = family or "emergency"
    if new_number:
        # A relative who will ring, keeps the old number or says there is nothing to do wants
        # the number saved, which the fake "new number" of a "Hi Mum" scam never leaves at.
        open_to_check = not money and _OPEN_TO_CHECK.search(text)
        weight = 15 if open_to_check else NEW_NUMBER_WITH_ASK if (family or money) else 22
        add("new_number", weight, new_number)
    add("money_request", 30 if (family or new_number or asked_money) else 12, money)
    strong_task = first(TASK_STRONG, text)
    weak_task = {m.group(0).lower() for m in TASK_WEAK.finditer(text)}
    weak_weight = 30 if len(weak_task) >= 2 else 12  # unsolicited recruiter + easy part-time job
    add("task_job", 40 if strong_task else weak_weight, strong_task or first(TASK_WEAK, text))
    investing = first(INVEST_STRONG, text)
    if investing is None and not GAMBLING_WARNING.search(text):
        investing = first(GAMBLING, text)
    strong_inv = investing is not None
    investing = investing or first(INVEST_WEAK, text)
    add("investment", 40 if strong_inv else 10, investing)
    cues = [m.group(0) for m in ROMANCE.finditer(text)]
    steer = investing or money  # an opener that turns to money
    add("romance", 30 if len(cues) >= 2 or (cues and steer) else 15, cues[0] if cues else None)
    claimed = first(CLAIMED_ACQUAINTANCE, text)
    if claimed and SELF_INTRODUCTION.search(text):
        add("romance", 30, claimed)
    add("wrong_number", 30, first(WRONG_NUMBER, text))
    add("move_app", 22, first(MOVE_APP, text))
    hits.extend(lure_hits(text))
    add("gift_card", 35, first(GIFT_CARD, text))
    loan = first(LOAN, text) or first(LOAN_OFFER, text)
    add("loan", 30 if loan and _contact(text) else 20, loan)
    add("windfall", 30, first(WINDFALL, text))
    # (a redirect to a relative's or boss's account needs their number; a changed payee does not)
    redirect = first(PAYMENT_REDIRECT, text) if re.search(PHONE, text) else None
    add("payment_redirect", 30, redirect or first(CHANGED_PAYEE, text))
    add("account_alert", 5, first(ACCOUNT_ALERT, text))
    add("health_alert", 5, first(HEALTH_ALERT, text))
    add("apk", 50, first(APK, text))
    add("app_lure", 40, first(APP_LURE, text))
    brand = find_brand(text)
    platform = brand is not None and brand[1] == "platform"
    add("callback", 30, first(CALLBACK, text) or callback_number(text, platform))
    add("call_announced", 30, first(ANNOUNCED_CALL, text))
    add("click_link", 15, _requests(CLICK_LINK, text))
    premium = first(PREMIUM_RATE, text)
    if premium and not PREMIUM_STOP.search(premium):
        add("premium_rate", 30 if PREMIUM_NUMBER.search(text) else 20, premium)
    cash = first(CASH_PRIZE, text)
    add("prize", 35 if cash and _contact(text) else 25, cash)
    lure = first(LURE, text)
    if lure and not cash and CALL_TO_ACT.search(text) and re.search(PHONE, text):
        add("contact_lure", 25, lure)
    # A telco's texts name it next to its own short codes ("SMS CARE to 5018"): that is its
    # service, not a sign that someone poses as it.
    if brand and not (brand[1] == "telco" and premium):
        hits.append(RuleHit("impersonation", 15, brand[0], brand=brand[1]))
    return hits
