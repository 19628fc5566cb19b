"""What makes a message look like a routine notice: a code notice that says "never share",
a transaction alert, a delivery update, the organisation's own channel, a bill split among
friends. Used only when a message asks for nothing and links nowhere strange."""

from __future__ import annotations

import re

from qila.analysis.patterns import MONEY, OWN_APLIKASI, OWN_APP, F, RuleHit, first, rx

_OTP_NOTICE_CODE = re.compile(
    r"\b(?:otp|code|kode|kod|pin|tac|password|passcode)\b[^\n]{0,40}\b\d{4,8}\b"
    r"|\b\d{4,8}\b[^\n]{0,30}\b(?:otp|code|kode|kod|tac)\b",
    F,
)
_OTP_NOTICE_WARN = re.compile(
    r"\b(?:do not|don'?t|never|jangan|usah|tidak boleh)\b\s+(?:\w+\s+){0,2}(?:share|disclose|give"
    r"|forward|tell|reveal|bagikan|berikan|memberikan|beritahu|memberitahu(?:kan)?|kongsi|"
    r"kongsikan|dedahkan|beri|sebarkan)"
    r"|\bif (?:this )?(?:you did ?n[o']t|was ?n[o']t you|this wasn'?t)",
    F,
)
TRANSACTION = rx(
    r"\b(?:transaction|purchase|payment|debit|withdrawal|transfer|spend|charge)\b[^.!?\n]{0,15}"
    r"\b(?:of|for) " + MONEY + r" ?\d",
    MONEY + r" ?[\d,.]+\d (?:was |has been |is |have been )?(?:debited|credited|spent|charged|paid"
    r"|transferred|received|deducted|sent to)\b",
    r"\b(?:transaksi|pembayaran|transfer|penarikan)\b[^.!?\n]{0,20}\b(?:sebesar|senilai|sebanyak"
    r"|berjumlah) " + MONEY + r" ?\d",
    r"\b(?:received|sent|paid|spent|withdrew|transferred) " + MONEY + r" ?\d",
    r"\btransfer(?:red)? (?:out|in) (?:of )?"
    + MONEY
    + r" ?\d|\b(?:balance|bal|baki|saldo)\b:? ?"
    + MONEY
    + r" ?[\d,.]+\d",
    # "Anda telah trx dgn KK OCBC 1234 28/09/24 di GOPAY Jakarta IDR143,700.00"
    r"\b(?:telah|sudah) (?:trx|transaksi|bertransaksi) (?:dgn|dengan) (?:kk|kartu)\b",
    r"\b(?:transfer|transaksi|pembayaran|penarikan|tarik tunai)\b(?: keluar| masuk| debet| debit| kredit)? "
    + MONEY
    + r" ?[\d.,]+\d[^!?\n]{0,60}\b(?:berhasil|sukses|successful)\b",
    r"\b(?:was|has been|have been) (?:charged|debited|credited|deducted|paid|refunded)"
    r" (?:with |for )?" + MONEY + r" ?\d",
    MONEY
    + r" ?[\d,.]+\d (?:telah|sudah|berhasil|berjaya) (?:di|ber)?(?:pindahkan|debit|kreditkan|masukkan"
    r"|terima|bayar|tarik|kirim|transfer)",
    r"\b(?:a/c|acct|account)\b[^.!?\n]{0,20}\b(?:debited|credited) (?:by|with|for) (?:"
    + MONEY
    + r" ?)?\d",
    # "Amt Deducted! Rs.8301 from your HDFC Bank A/c XX0601", "Debit Rs.500.00 from A/C XX8275"
    r"\b(?:debit(?:ed)?|deducted|credit(?:ed)?|withdrawn|withdrawal)\W{0,3}"
    + MONEY
    + r" ?[\d,.]*\d (?:from|to|in"
    r"|into) (?:your )?(?:[\w&]+ ){0,3}(?:a/?c|acct|account|card)\b",
    # Terse bank alerts: "UPI debit:Rs.10.00,A/c X4258 ... Bal:Rs.264209.71"
    r"\b(?:debit|debited|credit|credited)\s?:\s?" + MONEY + r" ?[\d,.]*\d",
    r"\breply (?:y|yes)\b[^.!?\n]{0,10},? (?:otherwise|or if not|if not)\b[^.!?\n]{0,10}\breply (?:n|no)\b"
    r"|\breply y if (?:yes|it was you)\b[^.!?\n]{0,10}\bn if (?:no|not)\b",
    r"\b(?:terima|menerima|diterima)\b " + MONEY + r" ?\d[\d.,]* dari\b",
    r"\b(?:bill|statement|bil|tagihan)\b[^.!?\n]{0,15}\b(?:(?:of|sebanyak|sebesar|berjumlah|anda|cicilan"
    r"|your) )?" + MONEY + r" ?\d[^!?\n]{0,20}\b(?:is due|due on|jatuh tempo|perlu dijelaskan)",
)

SAFETY_NOTICE = rx(
    r"\b(?:will|would|do(?:es)?)? ?never (?:ask|request|call|contact|send)\b[^.!?\n]{0,40}"
    r"\b(?:pin|otp|tac|password|passcode|code|details|links?|click|verify|account)",
    r"\b(?:(?:tidak|tdk|tak|gak|ga) (?:akan )?pernah|tak akan|tidak akan sesekali|tidak sesekali|takkan)\b"
    r"[^.!?\n]{0,12}\b(?:meminta|minta|menghubungi|mengirim)\b",
    r"\b(?:do not|don'?t|never) share (?:your |any |these |this )?(?:security details|pin|otp"
    r"|password|passcode|tac|code)s?\b[^.!?\n]{0,20}\b(?:with anyone|with anybody|to anyone)\b",
    r"\b(?:beware of|watch out for|waspada(?:lah)?|berhati-hati dengan|awas)\b[^.!?\n]{0,30}"
    r"\b(?:scam|fraud|penipuan|palsu|phishing)",
    r"\b(?:does not|doesn't|do not|don't|will not|won't|never) (?:send|include) (?:you )?(?:any )?links?"
    r" (?:by|via|in|through) (?:text|sms)",
)


# A bill split among friends or a small shop's deposit: "Rp400.000 per orang", "DP 50%".
SPLIT_PAYMENT = rx(
    r"\b(?:per orang|/orang|patungan|dibagi \d+|masing-masing|masing2|seorang|sorang)\b"
    r"|\barisan\b|\biuran (?:kas|arisan|rt|warga|kelas)\b|\bbiaya les\b|\buang (?:kas|sekolah|les|spp)\b|\bspp\b"
    r"|\byuran (?:pibg|sekolah|kelas|tuisyen|tuition)\b"
    r"|\bDP \d+ ?%|\bpelunasan\b|\bsisa pembayaran\b|\buang muka\b|\b(?:macam|mcm|seperti|kaya|kayak|spt) biasa\b|\bas usual\b|\bsplit(?:ting)? (?:the bill|it|the cost)\b|\b\d+ ways\b|\beach (?:person|of us) owes\b|\bper (?:person|head)\b",
)
# Routine notices send you to the organisation's own channel, never to a number or link in the text.
OFFICIAL_CHANNEL = rx(
    r"\b(?:number|no\.?) (?:on|at) the back of (?:your|the) (?:card|debit card|credit card)\b"
    r"|\bnumber behind your card\b|\bnombor (?:di|pada) belakang kad\b"
    r"|\bnomor (?:yang tertera )?di (?:balik|belakang) kartu\b",
    r"\b(?:open|in|via|using|through|check|use|log ?in to|sign ?in to) " + OWN_APP,
    r"\b(?:melalui|di|lewat|dalam) " + OWN_APLIKASI,
    r"\b(?:visit|go to) (?:your nearest|the nearest|any|a|your)(?: (?-i:[A-Z][\w/&-]*)){0,2} branch\b"
    r"|\bkantor cabang\b"
    r"|\bcawangan (?:terdekat|berhampiran)\b|\bby (?:post|letter)\b",
    r"\b(?:pay|payment) (?:by card |in cash )?on (?:collection|delivery|pickup)\b|"
    r"\bwe(?:'ll| will) send you a (?:[\w-]+ ){0,4}(?:card|letter)\b|\b(?:card|letter) will (?:also )?be "
    r"(?:posted|sent) to you\b|\bto the driver (?:at|on) delivery\b|\bat your (?:local|nearest) post office\b"
    r"|\b(?:will be )?(?:paid|credited|transferred) (?:in)?to your (?:nominated |registered )?bank account\b"
    r"|\bdetails are in your \w+\b|\byou(?:'ll| will) (?:get|receive) an? (?:email|letter) from\b|\b(?:returned|refunded|credited)"
    r" to your original payment method\b",
    r"\b(?:appear|show up|reflect) (?:on|in) your (?:card |bank |account )?statement\b|\bdays to appear\b"
    r"|\b(?:refund|bayaran balik|pengembalian dana)\b[^!?\n]{0,60}\b(?:has been|have been|telah|sudah)"
    r" (?:issued|processed|credited|dikreditkan|diproses|dikembalikan)\b",
    r"\bloket resmi\b|\bvia (?:[A-Z][\w&'.-]* ){1,2}(?:Mobile|App)\b",
    r"\b(?:held|waiting|available) (?:for (?:you|collection) )?at (?:the |your |our )?[\w' ]{0,40}\b(?:post"
    r" office|depot|shipping cent(?:re|er)|service point|branch|locker|counter|pickup point)\b",
    r"\bcollect (?:it|your (?:parcel|item|package)) (?:from|at) [\w' ]{0,40}\b(?:post office|depot"
    r"|branch|locker|counter|service point|pickup point)\b|\b(?:use it|redeem it|shop) in[- ]store\b"
    r"|\bambil (?:bungkusan|paket|barang)\b[^.!?\n]{0,40}\b(?:pejabat pos|kantor pos|cawangan)\b"
    r"|\bambil(?: \w+)? (?:di|dari) (?:pejabat pos|kantor pos|cawangan|kaunter|loker|gerai|pos laju"
    r"|pos malaysia|outlet)\b",
    r"\b(?:do not|don'?t|please do not) reply to this (?:message|sms|text)\b"
    r"|\b(?:paid|credited) (?:in)?to your (?:nominated|registered)\b|\bakaun bank berdaftar\b"
    r"|\btiada tindakan (?:lanjut )?diperlukan\b|\btidak perlu (?:melakukan )?tindakan\b"
    r"|\bno action (?:is )?(?:needed|required)\b|\byou (?:do not|don'?t) need to (?:do anything"
    r"|contact us|take any action)\b|\bignore this (?:message |sms )?if you(?:'ve| have)? "
    r"(?:already )?paid\b|\babaikan (?:pesan|sms|mesej) ini\b",
)


DELIVERY_NOTICE = rx(
    r"\b(?:is |are )?out for delivery\b|\b(?:has been|was|were|have been) (?:delivered|dispatched"
    r"|shipped|collected)\b|\bwill (?:be delivered|arrive) (?:today|tomorrow|on)\b|\bis on the way\b",
    r"\bsedang dalam perjalanan\b|\btelah (?:diterima|dikirim|sampai)\b|\bakan tiba\b",
    r"\btelah berjaya dihantar\b|\bdalam perjalanan\b|\bakan dihantar\b",
)


_LOOKS = (
    ("safety_notice", -30, SAFETY_NOTICE),
    ("everyday_payment", -15, SPLIT_PAYMENT),
    ("official_channel", -20, OFFICIAL_CHANNEL),
    ("delivery_notice", -20, DELIVERY_NOTICE),
    ("transaction_alert", -25, TRANSACTION),
)


def reassuring(text: str) -> list[RuleHit]:
    """Hits that make a message look like a routine notice (used only when nothing is asked)."""
    hits = [
        RuleHit(code, weight, found)
        for code, weight, pattern in _LOOKS
        if (found := first(pattern, text))
    ]
    if _OTP_NOTICE_CODE.search(text) and _OTP_NOTICE_WARN.search(text):
        hits.append(RuleHit("otp_notice", -30, "code notice"))
    return hits
