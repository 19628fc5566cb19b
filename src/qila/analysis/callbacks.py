"""Ring-back numbers: "Not you? Call 1-888-..." in a fake charge, order or alert.

Banks print their own hotline (toll-free or a national service number) or send you to the
number on your card; a fake gives a number of the scammer's: a mobile, a desk or officer, or a
line for an online shop or platform that never phones its customers.
"""

from __future__ import annotations

import re

from qila.analysis.patterns import AMOUNT, MONEY, PHONE, F, rx

# "If you did not authorise this", "didn't place this order": a payment or order disowned.
DID_NOT_DO = (
    r"(?:did ?n[o']?t (?:make|place|order|authori[sz]e|request|initiate|recogni[sz]e|approve)"
    r"|(?:do not|don'?t) (?:recogni[sz]e|authori[sz]e))"
)
# "Not you? Call 1-888-... to cancel": a fake order or charge with a number to ring back.
_NOT_YOU = (
    r"\b(?:not you|wasn'?t you|not (?:made|done|initiated|authori[sz]ed?) by you|"
    + DID_NOT_DO
    + r"|bukan anda"
    r"|bukan kamu|tidak melakukan|tidak membuat|tidak bertransaksi|merasa tidak)\b"
)
CALLBACK = rx(
    AMOUNT + r"[^\n]{0,120}\bto (?:cancel|dispute|stop (?:it|this|the payment))\b,?[^.!?\n]{0,10}"
    r"\b(?:call|ring|contact)\b[^.!?\n]{0,20}" + PHONE,
    r"\b(?:cancel|dispute)\b[^.!?\n]{0,20}\b(?:and|or|to) (?:get |claim |receive |obtain )?(?:a |your )?"
    r"(?:full )?"
    r"refund\b[^.!?\n]{0,30}\b(?:call|ring|contact)\b[^.!?\n]{0,30}" + PHONE,
    _NOT_YOU + r"[^\n]{0,80}" + PHONE + r"[^\n]{0,60}\b(?:cancel|refund|dispute|reverse|sebelum"
    r"|before \d|within \d|batal)",
    # "Your electricity will be disconnected tonight as your bill was not updated. Call the
    # electricity officer 98...": utilities send you to pay in their app or office, not to ring
    # an officer.
    r"\b(?:electricity|light|power)\b[^\n]{0,100}\bdisconnect\w*[^\n]{0,100}\b(?:call|contact"
    r"|whatsapp)\b[^.!?\n]{0,30}\b(?:office|officer|department|lineman)\b[^.!?\n]{0,15}" + PHONE,
    r"\b(?:call|contact|ring|hubungi|telefon)\b[^.!?\n]{0,40}" + PHONE + r"[^.!?\n]{0,30}"
    # ("Call 01274 274274 if you need to cancel or rearrange": an appointment.)
    r"\b(?:to cancel(?! or (?:re-?arrange|reschedule|change))|for (?:a )?(?:full )?refund"
    r"|to (?:get|claim) (?:a |your )?(?:full )?refund"
    r"|to dispute|to reverse|untuk membatalkan|untuk membatalkannya|untuk pembatalan"
    r"|bagi pembatalan)\b",
)
# "If this wasn't you, call +1 (808) 445-2290": banks print their own hotline (toll-free or a
# national service number) or send you to the number on your card; a fake alert gives a number
# of the scammer's.
_CALL_NUMBER = re.compile(
    r"(?:" + _NOT_YOU + r"|\bcharged\b[^\n]{0,80})[^\n]{0,60}\b(?:call|contact|ring|phone|hubungi"
    r"|telefon|speak (?:to|with)|reach|line(?: is)?|desk)\b[^\n]{0,50}?"
    r"(\+?\(?\d[\d ()-]{7,}\d)",
    F,
)
# "Contact 1(810) 357-5473 now if you didn't authorize it": the number before the "not you".
_NUMBER_THEN_NOT_YOU = re.compile(
    r"\b(?:call|contact|ring|phone|hubungi|telefon)\b[^\n]{0,20}?(\+?(?:\d[ -]?)?\(?\d[\d ()-]{7,}\d)"
    r"[^\n]{0,20}\bif (?:you )?(?:did ?n[o']t|did not|do not|don'?t) (?:authori[sz]e|make|recogni[sz]e)",
    F,
)
_HOTLINE = re.compile(
    r"^(?:\+?1[ -]?)?\(?(?:800|888|877|866|855|844|833)\)?|^\+?(?:1[ -]?)?[18]00\b|^1[ -]?300"
    r"|^0800|^0808|^03[0-9]{2}\b|^13\d{4}\b|^1[ -]?800"
)


_ORDER = re.compile(
    r"\border (?:id|#|no|number)\b|\border #?\d|\brenew(?:al|ed)\b|\bcall (?:microsoft|apple|windows"
    r"|norton|mcafee|amazon|paypal|geek squad) support\b|\bsubscription\b|\bshipping of\b"
    r"|\binvoice\b|\bthanks for (?:your )?purchase\b|\bhas been processed\b"
    r"|\bcharged\b[^.!?\n]{0,40}\bfor (?:a|an|the|your)\b|\bcase (?:manager|officer)\b"
    r"|\bresolution (?:cent(?:er|re)|team)\b|\brefund department\b"
    r"|\bwithdrawal of [\d.,]+ ?(?:btc|eth|usdt|sol|bnb|xrp)\b|\baccount specialist\b|\bcase id\b"
    r"|\border confirm(?:ed|ation)\b"
    r"|\bto (?:stop|cancel|reverse|block) the " + MONEY + r" ?[\d.,]+ (?:charge|payment|transfer)",
    F,
)
# Mobile numbers by country (MY, ID, UK, SG, AU, PH, IN), digits only.
_MOBILE = re.compile(
    r"(?:\+?60|0)1\d{7,9}$|(?:\+?62|0)8[1-9]\d{8,10}$|(?:\+?44|0)7\d{9}$|(?:\+?65)?[89]\d{7}$"
    r"|(?:\+?61|0)4\d{8}$|(?:\+?63|0)9\d{9}$|\+?91[6-9]\d{9}$"
)
# A London landline (020 ...): UK banks give national numbers in their alerts (0345, 0800), a
# fake gives a desk's line. (Other city lines are left alone: Australian and Irish, Philippine
# and South African numbers share their first digits, and those banks do give such numbers.)
_LOCAL_LANDLINE = re.compile(r"(?:\+?44|0)20\d{8}$")
_PERSON = re.compile(
    r"\b(?:pegawai|petugas|officer|agent|specialist|lineman|case manager|investigator"
    r"|(?:security|fraud|disconnect\w*|cancellations?|billing) (?:team|department|desk|unit))\b",
    F,
)
# "Reply NO and a fraud specialist will call you shortly": the text makes the scammer's call look
# expected. Banks ask you to reply or to ring the number on your card; they do not announce that
# their fraud team is about to phone.
ANNOUNCED_CALL = rx(
    r"\b(?:fraud|security|verification|risk|dispute) (?:specialist|team|department|dept|agent"
    r"|analyst|officer|representative|unit)s?\b[^.!?\n]{0,30}\b(?:will|shall|is going to|to)"
    r" (?:call|phone|ring|contact) you\b",
    r"\b(?:a|an|our) (?:fraud |security )?(?:specialist|agent|representative|analyst|consultant)\b"
    r"[^.!?\n]{0,20}\bwill? (?:call|phone|contact|be contacting|be calling) you (?:shortly|soon|now"
    r"|immediately|in a few)\b",
    r"\b(?:reviewed|confirmed|verified|handled) by phone\b"
    r"|\b(?:reply|text|press) [^.!?\n]{0,40}\b(?:and|to) (?:speak|talk) (?:to|with) an? (?:agent"
    r"|specialist|representative)\b",
)
_KINDLY = re.compile(r"\bkindly\b", F)
_NAMED_HOTLINE = re.compile(r"\bhotline\b|\bhelpline\b|\btalian\b|\bcall cent(?:er|re)\b", F)


def callback_number(text: str, platform: bool = False) -> str | None:
    """The number a "not you?" line asks you to call, when it is not a hotline-style number.
    ``platform``: the message names an online platform (PayPal, Amazon, Coinbase), which does
    not send numbers to ring about a payment."""
    match = _CALL_NUMBER.search(text) or _NUMBER_THEN_NOT_YOU.search(text)
    if match is None:
        return None
    number = match.group(1).strip()
    if platform or _ORDER.search(text):  # a shop order or renewal has no bank hotline to ring
        return match.group(0)
    digits = re.sub(r"[^\d+]", "", number)
    if _MOBILE.match(digits) or _KINDLY.search(text):
        return match.group(0)  # banks do not give a mobile number to ring
    if _HOTLINE.search(number) or _NAMED_HOTLINE.search(match.group(0)):
        return None  # the bank's own hotline, as genuine alerts give
    if _LOCAL_LANDLINE.match(digits):
        return match.group(0)  # a London desk's line, where UK banks give national numbers
    # An ordinary landline: genuine alerts give the bank's; a fake sends you to a person
    # ("sila hubungi pegawai kami di 03-...", "talk to our officer").
    return match.group(0) if _PERSON.search(match.group(0)) else None
