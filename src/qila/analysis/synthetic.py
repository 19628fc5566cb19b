"""Synthetic legitimate organisational notices, for training the text classifier only.

Why this exists: the public SMS datasets the classifier learns from (``datasets.py``) label as
"legitimate" almost nothing but personal chat between friends and family. Real organisations
also send texts every day - one-time codes, bank transaction alerts, delivery updates,
appointment reminders, bills, government notices - and without examples of them the model
learns that any message from an organisation is scam-like.

``legit_notices`` fills that gap with notices written from templates the way banks, couriers,
telcos, clinics, government agencies and platforms in the US, UK, Singapore, Malaysia,
Indonesia and Australia actually write them: short, factual, usually starting with the sender
name, in English, Indonesian and Malay. Organisations are listed with their real official
domains (a notice links only to its sender's own domain, or has no link at all) and, for banks,
their published hotlines. No notice asks for a code, password or card details, offers a prize,
threatens, or asks for payment through a link to anywhere but the sender's own site.

The notices are synthetic: they are training data only and must never be used to evaluate the
classifier (evaluation uses real messages). Output is deterministic: the same ``seed`` and
``per_template`` give the same list, using a private ``random.Random`` and no global state.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass, field

LANGUAGE_COUNTRIES: dict[str, tuple[str, ...]] = {
    "en": ("US", "UK", "SG", "MY", "AU", "IN"),
    "id": ("ID",),
    "ms": ("MY",),
}


@dataclass(frozen=True)
class Org:
    """A sender. ``country`` "*" means it operates in every country the template allows."""

    name: str
    country: str
    domain: str = ""
    phone: str = ""  # the published hotline (banks)
    tag: str = ""  # the IATA code (airlines)


def _orgs(country: str, *rows: tuple[str, str] | tuple[str, str, str]) -> tuple[Org, ...]:
    out = []
    for row in rows:
        name, domain = row[0], row[1]
        phone = row[2] if len(row) == 3 else ""
        out.append(Org(name, country, domain, phone))
    return tuple(out)


def _airline(name: str, country: str, domain: str, iata: str) -> Org:
    return Org(name, country, domain, tag=iata)


ORGS: dict[str, tuple[Org, ...]] = {
    "bank": (
        *_orgs(
            "IN",
            ("SBI", "sbi.co.in", "1800 1234"),
            ("HDFC Bank", "hdfcbank.com", "1800 202 6161"),
            ("ICICI Bank", "icicibank.com", "1800 1080"),
            ("Axis Bank", "axisbank.com", "1800 419 5577"),
            ("Kotak Mahindra Bank", "kotak.com", "1860 266 2666"),
        ),
        *_orgs(
            "SG",
            ("DBS", "dbs.com.sg", "1800 111 1111"),
            ("POSB", "posb.com.sg", "1800 339 6666"),
            ("OCBC", "ocbc.com", "1800 363 3333"),
            ("UOB", "uob.com.sg", "1800 222 2121"),
        ),
        *_orgs(
            "MY",
            ("Maybank", "maybank2u.com.my", "1300 88 6688"),
            ("CIMB", "cimb.com.my", "03-6204 7788"),
            ("Public Bank", "pbebank.com", "1800 22 5555"),
            ("RHB", "rhbgroup.com", "03-9206 8118"),
            ("Hong Leong Bank", "hlb.com.my", "03-7626 8899"),
            ("AmBank", "ambank.com.my", "03-2178 8888"),
        ),
        *_orgs(
            "ID",
            ("BCA", "bca.co.id", "1500888"),
            ("Bank Mandiri", "bankmandiri.co.id", "14000"),
            ("BRI", "bri.co.id", "1500017"),
            ("BNI", "bni.co.id", "1500046"),
            ("BSI", "bankbsi.co.id", "14040"),
            ("CIMB Niaga", "cimbniaga.co.id", "14041"),
        ),
        *_orgs(
            "US",
            ("Chase", "chase.com", "1-800-935-9935"),
            ("Bank of America", "bankofamerica.com", "800-432-1000"),
            ("Wells Fargo", "wellsfargo.com", "1-800-869-3557"),
            ("Capital One", "capitalone.com", "1-800-227-4825"),
        ),
        *_orgs(
            "UK",
            ("Barclays", "barclays.co.uk", "0345 734 5345"),
            ("Lloyds", "lloydsbank.com", "0345 300 0000"),
            ("NatWest", "natwest.com", "03457 888 444"),
            ("Monzo", "monzo.com", "0800 802 1281"),
            ("HSBC UK", "hsbc.co.uk", "03457 404 404"),
        ),
        *_orgs(
            "AU",
            ("CommBank", "commbank.com.au", "13 2221"),
            ("Westpac", "westpac.com.au", "132 032"),
            ("NAB", "nab.com.au", "13 22 65"),
            ("ANZ", "anz.com.au", "13 13 14"),
        ),
    ),
    "courier": (
        *_orgs(
            "IN",
            ("India Post", "indiapost.gov.in"),
            ("Blue Dart", "bluedart.com"),
            ("Delhivery", "delhivery.com"),
        ),
        *_orgs(
            "SG",
            ("SingPost", "singpost.com"),
            ("Ninja Van", "ninjavan.co"),
            ("J&T Express", "jtexpress.sg"),
        ),
        *_orgs(
            "MY",
            ("Pos Laju", "pos.com.my"),
            ("J&T Express", "jtexpress.my"),
            ("Ninja Van", "ninjavan.co"),
            ("GDEX", "gdexpress.com"),
        ),
        *_orgs(
            "ID",
            ("JNE", "jne.co.id"),
            ("J&T Express", "jet.co.id"),
            ("SiCepat", "sicepat.com"),
            ("Pos Indonesia", "posindonesia.co.id"),
            ("AnterAja", "anteraja.id"),
        ),
        *_orgs("US", ("USPS", "usps.com"), ("UPS", "ups.com"), ("FedEx", "fedex.com")),
        *_orgs(
            "UK",
            ("Royal Mail", "royalmail.com"),
            ("Evri", "evri.com"),
            ("DPD", "dpd.co.uk"),
            ("Parcelforce", "parcelforce.com"),
        ),
        *_orgs("AU", ("Australia Post", "auspost.com.au"), ("StarTrack", "startrack.com.au")),
        Org("DHL", "*", "dhl.com"),
    ),
    "telco": (
        *_orgs("IN", ("Airtel", "airtel.in"), ("Jio", "jio.com"), ("Vi", "myvi.in")),
        *_orgs("SG", ("Singtel", "singtel.com"), ("StarHub", "starhub.com"), ("M1", "m1.com.sg")),
        *_orgs(
            "MY",
            ("Maxis", "maxis.com.my"),
            ("CelcomDigi", "celcomdigi.com"),
            ("U Mobile", "u.com.my"),
            ("unifi", "unifi.com.my"),
        ),
        *_orgs(
            "ID",
            ("Telkomsel", "telkomsel.com"),
            ("Indosat", "indosat.com"),
            ("XL", "xl.co.id"),
            ("IndiHome", "indihome.co.id"),
        ),
        *_orgs("US", ("Verizon", "verizon.com"), ("AT&T", "att.com"), ("T-Mobile", "t-mobile.com")),
        *_orgs(
            "UK",
            ("EE", "ee.co.uk"),
            ("Vodafone", "vodafone.co.uk"),
            ("O2", "o2.co.uk"),
            ("Three", "three.co.uk"),
        ),
        *_orgs("AU", ("Telstra", "telstra.com.au"), ("Optus", "optus.com.au")),
    ),
    "utility": (
        *_orgs(
            "IN", ("Tata Power", "tatapower.com"), ("Adani Electricity", "adanielectricity.com")
        ),
        *_orgs("SG", ("SP Group", "spgroup.com.sg")),
        *_orgs(
            "MY",
            ("TNB", "mytnb.com.my"),
            ("Air Selangor", "airselangor.com"),
            ("Indah Water", "iwk.com.my"),
        ),
        *_orgs("ID", ("PLN", "pln.co.id"), ("PAM Jaya", "pamjaya.co.id")),
        *_orgs("US", ("Con Edison", "coned.com"), ("PG&E", "pge.com")),
        *_orgs(
            "UK",
            ("British Gas", "britishgas.co.uk"),
            ("Octopus Energy", "octopus.energy"),
            ("Thames Water", "thameswater.co.uk"),
        ),
        *_orgs("AU", ("AGL", "agl.com.au"), ("Origin Energy", "originenergy.com.au")),
    ),
    "insurer": (
        *_orgs("IN", ("LIC", "licindia.in"), ("HDFC Life", "hdfclife.com")),
        *_orgs("SG", ("Great Eastern", "greateasternlife.com"), ("Income", "income.com.sg")),
        *_orgs("MY", ("Etiqa", "etiqa.com.my"), ("Allianz", "allianz.com.my")),
        *_orgs("ID", ("Prudential", "prudential.co.id"), ("Allianz", "allianz.co.id")),
        *_orgs("US", ("GEICO", "geico.com"), ("State Farm", "statefarm.com")),
        *_orgs("UK", ("Aviva", "aviva.co.uk"), ("Direct Line", "directline.com")),
        *_orgs("AU", ("NRMA Insurance", "nrma.com.au"), ("Medibank", "medibank.com.au")),
    ),
    "clinic": (
        *_orgs("IN", ("Apollo Hospitals", "apollohospitals.com")),
        *_orgs(
            "SG",
            ("SingHealth Polyclinics", "singhealth.com.sg"),
            ("Raffles Medical", "rafflesmedical.com"),
            ("Q&M Dental", "qandm.com.sg"),
        ),
        *_orgs(
            "MY",
            ("KPJ Damansara", "kpjhealth.com.my"),
            ("Pantai Hospital", "pantai.com.my"),
            ("Sunway Medical", "sunwaymedical.com"),
            ("Klinik Kesihatan Seksyen 7", ""),
        ),
        *_orgs(
            "ID",
            ("Siloam Hospitals", "siloamhospitals.com"),
            ("RS Pondok Indah", "rspondokindah.co.id"),
            ("Mitra Keluarga", "mitrakeluarga.com"),
            ("Klinik Pratama Sehat Sentosa", ""),
        ),
        *_orgs(
            "US",
            ("Kaiser Permanente", "kp.org"),
            ("MinuteClinic", "cvs.com"),
            ("Bright Smile Dental", ""),
        ),
        *_orgs(
            "UK",
            ("Riverside Surgery", ""),
            ("Bupa Dental Care", "bupa.co.uk"),
            ("Specsavers", "specsavers.co.uk"),
        ),
        *_orgs(
            "AU",
            ("Northside Medical Centre", ""),
            ("Bupa Dental", "bupa.com.au"),
            ("Specsavers", "specsavers.com.au"),
        ),
    ),
    "vaccine": (
        *_orgs("IN", ("CoWIN", "cowin.gov.in")),
        *_orgs(
            "SG", ("HealthHub", "healthhub.sg"), ("SingHealth Polyclinics", "singhealth.com.sg")
        ),
        *_orgs("MY", ("MySejahtera", "mysejahtera.malaysia.gov.my"), ("Klinik Kesihatan", "")),
        *_orgs("ID", ("SATUSEHAT", "kemkes.go.id"), ("Puskesmas Kecamatan", "")),
        *_orgs("US", ("CVS Pharmacy", "cvs.com"), ("Walgreens", "walgreens.com")),
        *_orgs("UK", ("NHS", "nhs.uk"), ("Boots Pharmacy", "boots.com")),
        *_orgs("AU", ("Chemist Warehouse", "chemistwarehouse.com.au"), ("Priceline Pharmacy", "")),
    ),
    "carservice": (
        *_orgs("SG", ("Borneo Motors", ""), ("Kah Motor", "")),
        *_orgs(
            "MY", ("Perodua Service Centre", "perodua.com.my"), ("Proton Service", "proton.com")
        ),
        *_orgs("ID", ("Auto2000", "auto2000.co.id"), ("Astra Daihatsu", "daihatsu.co.id")),
        *_orgs("US", ("Jiffy Lube", "jiffylube.com"), ("Firestone Complete Auto Care", "")),
        *_orgs("UK", ("Halfords Autocentre", "halfords.com"), ("Kwik Fit", "kwik-fit.com")),
        *_orgs("AU", ("Ultra Tune", "ultratune.com.au"), ("mycar Tyre & Auto", "mycar.com.au")),
    ),
    "tax": (
        *_orgs("IN", ("Income Tax Department", "incometax.gov.in")),
        *_orgs("SG", ("IRAS", "iras.gov.sg")),
        *_orgs("MY", ("LHDN", "hasil.gov.my")),
        *_orgs("ID", ("DJP", "pajak.go.id")),
        *_orgs("UK", ("HMRC", "gov.uk")),
        *_orgs("AU", ("ATO", "ato.gov.au")),
    ),
    "benefit": (
        *_orgs("SG", ("CPF Board", "cpf.gov.sg"), ("GovBenefits", "gov.sg")),
        *_orgs("MY", ("KWSP", "kwsp.gov.my"), ("PERKESO", "perkeso.gov.my")),
        *_orgs(
            "ID",
            ("BPJS Ketenagakerjaan", "bpjsketenagakerjaan.go.id"),
            ("BPJS Kesehatan", "bpjs-kesehatan.go.id"),
        ),
        *_orgs("AU", ("Services Australia", "servicesaustralia.gov.au")),
    ),
    "vehicle": (
        *_orgs("SG", ("LTA", "lta.gov.sg")),
        *_orgs("MY", ("JPJ", "jpj.gov.my")),
        *_orgs("ID", ("Bapenda DKI Jakarta", "bapenda.jakarta.go.id")),
        *_orgs("US", ("California DMV", "dmv.ca.gov")),
        *_orgs("UK", ("DVLA", "gov.uk")),
        *_orgs("AU", ("Service NSW", "service.nsw.gov.au")),
    ),
    "census": (
        *_orgs("SG", ("SingStat", "singstat.gov.sg")),
        *_orgs("MY", ("DOSM", "dosm.gov.my")),
        *_orgs("ID", ("BPS", "bps.go.id")),
        *_orgs("US", ("U.S. Census Bureau", "census.gov")),
        *_orgs("UK", ("ONS", "ons.gov.uk")),
        *_orgs("AU", ("ABS", "abs.gov.au")),
    ),
    "election": (
        *_orgs("SG", ("ELD", "eld.gov.sg")),
        *_orgs("MY", ("SPR", "spr.gov.my")),
        *_orgs("ID", ("KPU", "kpu.go.id")),
        *_orgs("US", ("Vote.gov", "vote.gov")),
        *_orgs("UK", ("Electoral Services", "gov.uk")),
        *_orgs("AU", ("AEC", "aec.gov.au")),
    ),
    "police": (
        *_orgs("SG", ("Singapore Police Force", "police.gov.sg")),
        *_orgs("MY", ("PDRM", "rmp.gov.my")),
        *_orgs("ID", ("Polri", "polri.go.id")),
        *_orgs("US", ("NYPD", "nyc.gov")),
        *_orgs("UK", ("Metropolitan Police", "police.uk")),
        *_orgs("AU", ("NSW Police Force", "police.nsw.gov.au")),
    ),
    "govid": (
        *_orgs("SG", ("Singpass", "singpass.gov.sg")),
        *_orgs("MY", ("MyDigital ID", "mydigitalid.gov.my")),
        *_orgs("US", ("Login.gov", "login.gov")),
        *_orgs("UK", ("GOV.UK One Login", "gov.uk")),
        *_orgs("AU", ("myGov", "my.gov.au")),
    ),
    "school": (
        *_orgs(
            "SG",
            ("Greenridge Primary School", ""),
            ("Tampines Secondary School", ""),
            ("NUS", "nus.edu.sg"),
        ),
        *_orgs(
            "MY",
            ("SK Taman Melawati", ""),
            ("SMK Seri Bintang", ""),
            ("Universiti Malaya", "um.edu.my"),
        ),
        *_orgs(
            "ID",
            ("SDN 05 Menteng", ""),
            ("SMP Negeri 12 Bandung", ""),
            ("Universitas Indonesia", "ui.ac.id"),
        ),
        *_orgs("US", ("Lincoln Elementary", ""), ("Roosevelt High School", "")),
        *_orgs("UK", ("St Mary's Primary", ""), ("Oakwood Academy", "")),
        *_orgs("AU", ("Northbridge Public School", ""), ("Bayside Secondary College", "")),
    ),
    "employer": (
        *_orgs("SG", ("Lian Hup Logistics", ""), ("Harbourfront Hotel", "")),
        *_orgs("MY", ("Syarikat Maju Jaya", ""), ("Sri Damai Manufacturing", "")),
        *_orgs("ID", ("PT Sinar Abadi", ""), ("PT Karya Nusantara", "")),
        *_orgs("US", ("Acme Distribution", ""), ("Riverside Medical Group", "")),
        *_orgs("UK", ("Hartley & Co", ""), ("Northgate Care Homes", "")),
        *_orgs("AU", ("Coastal Freight", ""), ("Greenfield Aged Care", "")),
    ),
    "airline": (
        _airline("Singapore Airlines", "SG", "singaporeair.com", "SQ"),
        _airline("Scoot", "SG", "flyscoot.com", "TR"),
        _airline("Malaysia Airlines", "MY", "malaysiaairlines.com", "MH"),
        _airline("AirAsia", "MY", "airasia.com", "AK"),
        _airline("Garuda Indonesia", "ID", "garuda-indonesia.com", "GA"),
        _airline("Citilink", "ID", "citilink.co.id", "QG"),
        _airline("Lion Air", "ID", "lionair.co.id", "JT"),
        _airline("British Airways", "UK", "britishairways.com", "BA"),
        _airline("easyJet", "UK", "easyjet.com", "U2"),
        _airline("Qantas", "AU", "qantas.com", "QF"),
        _airline("Jetstar", "AU", "jetstar.com", "JQ"),
        _airline("Delta", "US", "delta.com", "DL"),
        _airline("United", "US", "united.com", "UA"),
    ),
    "ride": (
        *_orgs("IN", ("Ola", "olacabs.com"), ("Uber", "uber.com")),
        *_orgs("SG", ("Grab", "grab.com"), ("Gojek", "gojek.com")),
        *_orgs("MY", ("Grab", "grab.com"), ("AirAsia Ride", "airasia.com")),
        *_orgs("ID", ("Grab", "grab.com"), ("Gojek", "gojek.com")),
        *_orgs("US", ("Uber", "uber.com"), ("Lyft", "lyft.com")),
        *_orgs("UK", ("Uber", "uber.com"), ("Bolt", "bolt.eu")),
        *_orgs("AU", ("Uber", "uber.com"), ("DiDi", "didiglobal.com")),
    ),
    "food": (
        *_orgs("IN", ("Swiggy", "swiggy.com"), ("Zomato", "zomato.com")),
        *_orgs("SG", ("GrabFood", "grab.com"), ("foodpanda", "foodpanda.sg")),
        *_orgs("SG", ("Deliveroo", "deliveroo.com.sg")),
        *_orgs("MY", ("GrabFood", "grab.com"), ("foodpanda", "foodpanda.my")),
        *_orgs(
            "ID", ("GrabFood", "grab.com"), ("GoFood", "gojek.com"), ("ShopeeFood", "shopee.co.id")
        ),
        *_orgs("US", ("DoorDash", "doordash.com"), ("Uber Eats", "ubereats.com")),
        *_orgs("UK", ("Deliveroo", "deliveroo.co.uk"), ("Uber Eats", "ubereats.com")),
        *_orgs("AU", ("DoorDash", "doordash.com"), ("Uber Eats", "ubereats.com")),
    ),
    "ewallet": (
        *_orgs("IN", ("Paytm", "paytm.com"), ("PhonePe", "phonepe.com")),
        *_orgs(
            "SG", ("GrabPay", "grab.com"), ("PayLah!", "dbs.com.sg"), ("ShopeePay", "shopee.sg")
        ),
        *_orgs(
            "MY",
            ("Touch 'n Go eWallet", "touchngo.com.my"),
            ("GrabPay", "grab.com"),
            ("Boost", "myboost.com.my"),
            ("ShopeePay", "shopee.com.my"),
        ),
        *_orgs(
            "ID",
            ("GoPay", "gopay.co.id"),
            ("OVO", "ovo.id"),
            ("DANA", "dana.id"),
            ("ShopeePay", "shopee.co.id"),
            ("LinkAja", "linkaja.id"),
        ),
        *_orgs("US", ("PayPal", "paypal.com"), ("Venmo", "venmo.com"), ("Cash App", "cash.app")),
        *_orgs("UK", ("PayPal", "paypal.com")),
        *_orgs("AU", ("PayPal", "paypal.com")),
    ),
    "subscription": (
        Org("Netflix", "*", "netflix.com"),
        Org("Spotify", "*", "spotify.com"),
        Org("Disney+", "*", "disneyplus.com"),
        Org("YouTube Premium", "*", "youtube.com"),
        Org("Apple", "*", "apple.com"),
        Org("Google One", "*", "google.com"),
        Org("Microsoft 365", "*", "microsoft.com"),
        *_orgs("ID", ("Vidio", "vidio.com")),
        *_orgs("MY", ("Astro", "astro.com.my")),
        *_orgs("UK", ("NOW", "nowtv.com")),
    ),
    "account": (
        *_orgs("IN", ("Flipkart", "flipkart.com"), ("Amazon", "amazon.in")),
        Org("Google", "*", "google.com"),
        Org("Apple", "*", "apple.com"),
        Org("Microsoft", "*", "microsoft.com"),
        Org("WhatsApp", "*", "whatsapp.com"),
        Org("Facebook", "*", "facebook.com"),
        Org("Instagram", "*", "instagram.com"),
        Org("TikTok", "*", "tiktok.com"),
        Org("Telegram", "*", "telegram.org"),
        *_orgs("SG", ("Shopee", "shopee.sg"), ("Lazada", "lazada.sg")),
        *_orgs("MY", ("Shopee", "shopee.com.my"), ("Lazada", "lazada.com.my")),
        *_orgs("ID", ("Tokopedia", "tokopedia.com"), ("Shopee", "shopee.co.id")),
        *_orgs("US", ("Amazon", "amazon.com")),
        *_orgs("UK", ("Amazon", "amazon.co.uk")),
        *_orgs("AU", ("Amazon", "amazon.com.au")),
    ),
    "marketplace": (
        *_orgs(
            "IN", ("Flipkart", "flipkart.com"), ("Amazon", "amazon.in"), ("Myntra", "myntra.com")
        ),
        *_orgs("SG", ("Shopee", "shopee.sg"), ("Lazada", "lazada.sg"), ("Amazon", "amazon.sg")),
        *_orgs(
            "MY",
            ("Shopee", "shopee.com.my"),
            ("Lazada", "lazada.com.my"),
            ("Zalora", "zalora.com.my"),
        ),
        *_orgs(
            "ID",
            ("Tokopedia", "tokopedia.com"),
            ("Shopee", "shopee.co.id"),
            ("Lazada", "lazada.co.id"),
            ("Blibli", "blibli.com"),
        ),
        *_orgs(
            "US", ("Amazon", "amazon.com"), ("Walmart", "walmart.com"), ("Target", "target.com")
        ),
        *_orgs("UK", ("Amazon", "amazon.co.uk"), ("Argos", "argos.co.uk"), ("ASOS", "asos.com")),
        *_orgs(
            "AU",
            ("Amazon", "amazon.com.au"),
            ("JB Hi-Fi", "jbhifi.com.au"),
            ("Kmart", "kmart.com.au"),
        ),
    ),
    "brand": (
        *_orgs(
            "SG",
            ("Watsons", "watsons.com.sg"),
            ("Uniqlo", "uniqlo.com"),
            ("FairPrice", "fairprice.com.sg"),
            ("IKEA", "ikea.com"),
        ),
        *_orgs(
            "MY",
            ("Watsons", "watsons.com.my"),
            ("Guardian", "guardian.com.my"),
            ("AEON", "aeonretail.com.my"),
            ("Mr DIY", "mrdiy.com"),
        ),
        *_orgs(
            "ID",
            ("Alfamart", "alfamart.co.id"),
            ("Indomaret", "indomaret.co.id"),
            ("Matahari", "matahari.com"),
            ("Watsons", "watsons.co.id"),
        ),
        *_orgs(
            "US",
            ("Target", "target.com"),
            ("Starbucks", "starbucks.com"),
            ("Sephora", "sephora.com"),
            ("Best Buy", "bestbuy.com"),
        ),
        *_orgs(
            "UK",
            ("Boots", "boots.com"),
            ("Tesco", "tesco.com"),
            ("Sainsbury's", "sainsburys.co.uk"),
            ("Currys", "currys.co.uk"),
        ),
        *_orgs(
            "AU",
            ("Woolworths", "woolworths.com.au"),
            ("Bunnings", "bunnings.com.au"),
            ("Myer", "myer.com.au"),
        ),
    ),
}

OFFICIAL_DOMAINS: frozenset[str] = frozenset(
    org.domain for orgs in ORGS.values() for org in orgs if org.domain
)

# --- slot values ---------------------------------------------------------------------------

NAMES: dict[str, tuple[str, ...]] = {
    "US": ("James", "Emily", "Michael", "Jessica", "Daniel", "Ashley", "Chris", "Maria", "Kevin"),
    "UK": ("Oliver", "Sophie", "Harry", "Emma", "Jack", "Chloe", "Priya", "Tom", "Hannah"),
    "AU": ("Liam", "Mia", "Noah", "Chloe", "Jack", "Ella", "Lachlan", "Grace", "Ruby"),
    "SG": ("Wei Ling", "Jun Jie", "Siti", "Rajesh", "Mei Xin", "Kai Wen", "Nurul", "Darren"),
    "MY": ("Ahmad", "Siti Aisyah", "Farid", "Nurul", "Mei Ling", "Kumar", "Hafiz", "Amirah"),
    "ID": ("Budi", "Siti", "Dewi", "Agus", "Rina", "Andi", "Putri", "Rizky", "Wahyu", "Fitri"),
    "IN": ("Rahul", "Priya", "Amit", "Sneha", "Arjun", "Pooja", "Vikram", "Anjali", "Rohan"),
}

SURNAMES: dict[str, tuple[str, ...]] = {
    "US": ("Smith", "Johnson", "Garcia", "Patel", "Nguyen", "Miller"),
    "UK": ("Jones", "Taylor", "Khan", "Evans", "Wright", "Hughes"),
    "AU": ("Wilson", "Brown", "Nguyen", "Kelly", "Martin", "Walker"),
    "SG": ("Tan", "Lim", "Ong", "Rahman", "Nair", "Goh"),
    "MY": ("Aziz", "Lim", "Rahim", "Subramaniam", "Wong", "Ismail"),
    "ID": ("Santoso", "Wijaya", "Hidayat", "Saputra", "Kusuma", "Siregar"),
    "IN": ("Sharma", "Patel", "Iyer", "Reddy", "Singh", "Gupta"),
}

PLACES: dict[str, tuple[str, ...]] = {
    "US": ("Austin", "Denver", "Oak Park", "Brooklyn", "Pasadena", "Tempe"),
    "UK": ("Leeds", "Croydon", "Bristol", "Salford", "Reading", "Glasgow"),
    "AU": ("Parramatta", "Chatswood", "Fremantle", "Southport", "Box Hill", "Geelong"),
    "SG": ("Tampines", "Jurong East", "Ang Mo Kio", "Bedok", "Woodlands", "Toa Payoh"),
    "MY": ("Petaling Jaya", "Shah Alam", "Johor Bahru", "Bayan Lepas", "Ipoh", "Kuching"),
    "ID": ("Jakarta Selatan", "Bandung", "Surabaya", "Bekasi", "Depok", "Yogyakarta"),
    "IN": ("Andheri", "Koramangala", "Noida", "Salt Lake", "T Nagar", "Hinjewadi"),
}

MERCHANTS: dict[str, tuple[str, ...]] = {
    "US": ("WALMART", "TARGET", "STARBUCKS", "SHELL OIL", "CVS PHARMACY", "COSTCO WHSE"),
    "UK": ("TESCO STORES", "SAINSBURYS", "BOOTS", "TFL TRAVEL CH", "PRET A MANGER", "ASDA"),
    "AU": ("WOOLWORTHS", "COLES", "BUNNINGS", "BP", "KMART", "OPAL TRAVEL"),
    "SG": ("NTUC FAIRPRICE", "COLD STORAGE", "GUARDIAN", "BUS/MRT", "UNIQLO", "KOPITIAM"),
    "MY": ("99 SPEEDMART", "MYDIN", "PETRONAS", "AEON BIG", "WATSONS", "MR DIY"),
    "ID": ("INDOMARET", "ALFAMART", "PERTAMINA", "HYPERMART", "KFC", "GRAMEDIA"),
    "IN": ("DMART", "RELIANCE SMART", "INDIAN OIL", "BIG BAZAAR", "APOLLO PHARMACY", "IRCTC"),
}

RESTAURANTS: dict[str, tuple[str, ...]] = {
    "US": ("Chipotle", "Panda Express", "Sweetgreen", "Joe's Pizza"),
    "UK": ("Nando's", "Wagamama", "Pizza Express", "Dishoom"),
    "AU": ("Guzman y Gomez", "Grill'd", "Roll'd", "Oporto"),
    "SG": ("Ya Kun Kaya Toast", "Old Chang Kee", "Jollibean", "Mr Bean"),
    "MY": ("Nasi Kandar Pelita", "Marrybrown", "Secret Recipe", "OldTown White Coffee"),
    "ID": ("Warung Bu Ani", "Bakso Pak Kumis", "Kopi Kenangan", "Ayam Geprek Bensu"),
    "IN": ("Haldiram's", "Saravana Bhavan", "Behrouz Biryani", "Chaayos"),
}

PAYEES: dict[str, tuple[str, ...]] = {
    "US": ("Verizon", "Con Edison", "GEICO", "Planet Fitness"),
    "UK": ("British Gas", "Thames Water", "Council Tax", "EE"),
    "AU": ("AGL", "Telstra", "Medibank", "Origin Energy"),
    "SG": ("SP Group", "Singtel", "Great Eastern", "Town Council"),
    "MY": ("TNB", "Maxis", "Air Selangor", "Etiqa"),
    "ID": ("PLN", "Telkomsel", "BPJS Kesehatan", "IndiHome"),
    "IN": ("Tata Power", "Airtel", "LIC", "Jio Fiber"),
}

CARS: dict[str, tuple[str, ...]] = {
    "US": ("white Toyota Camry", "grey Honda Civic", "black Tesla Model 3"),
    "UK": ("silver Toyota Prius", "black Skoda Octavia", "white Kia Niro"),
    "AU": ("white Toyota Corolla", "silver Hyundai i30", "blue Kia Cerato"),
    "SG": ("white Toyota Corolla", "silver Honda Vezel", "black Toyota Prius"),
    "MY": ("silver Perodua Myvi", "white Proton Saga", "grey Perodua Bezza"),
    "ID": ("Toyota Avanza hitam", "Honda Brio putih", "Daihatsu Xenia silver"),
    "IN": ("white Maruti Swift", "grey Hyundai Creta", "silver Tata Nexon"),
}

DEVICES = ("an iPhone", "an Android phone", "a Windows PC", "a Mac", "an iPad", "a Samsung Galaxy")
DESTINATIONS = (
    "Singapore",
    "Kuala Lumpur",
    "Jakarta",
    "Bali",
    "Penang",
    "Surabaya",
    "Bangkok",
    "London",
    "Manchester",
    "New York",
    "Los Angeles",
    "Sydney",
    "Melbourne",
    "Tokyo",
)

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "ms": (
        "Januari",
        "Februari",
        "Mac",
        "April",
        "Mei",
        "Jun",
        "Julai",
        "Ogos",
        "September",
        "Oktober",
        "November",
        "Disember",
    ),
}
SHORT_MONTHS: dict[str, tuple[str, ...]] = {
    "en": tuple(m[:3] for m in MONTHS["en"]),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "ms": ("Jan", "Feb", "Mac", "Apr", "Mei", "Jun", "Jul", "Ogos", "Sep", "Okt", "Nov", "Dis"),
}
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "ms": ("Isnin", "Selasa", "Rabu", "Khamis", "Jumaat", "Sabtu", "Ahad"),
}
WINDOWS: dict[str, tuple[str, ...]] = {
    "en": ("9am-1pm", "1pm-5pm", "10:00-14:00", "8am-12pm", "2pm-6pm"),
    "id": ("09.00-12.00 WIB", "13.00-16.00 WIB", "08.00-15.00 WIB"),
    "ms": ("9.00 pagi - 1.00 petang", "2.00 petang - 6.00 petang", "8.00 pagi - 5.00 petang"),
}
CURRENCIES: dict[str, tuple[str, ...]] = {
    "US": ("$", "USD "),
    "UK": ("£", "GBP "),
    "AU": ("$", "AUD "),
    "SG": ("S$", "SGD "),
    "MY": ("RM", "RM ", "MYR "),
    "ID": ("Rp", "Rp ", "IDR "),
    "IN": ("Rs.", "Rs ", "INR ", "₹"),
}
# (low, high) in whole units of the currency: everywhere but Indonesia, then Indonesia.
MONEY_RANGES: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "amount": ((3, 450), (10_000, 2_500_000)),
    "bill": ((25, 380), (75_000, 1_500_000)),
    "fee": ((5, 40), (25_000, 200_000)),
    "big": ((2_400, 9_800), (4_500_000, 25_000_000)),
    "balance": ((150, 25_000), (250_000, 60_000_000)),
}
UPU_COUNTRY = {"US": "US", "UK": "GB", "AU": "AU", "SG": "SG", "MY": "MY", "ID": "ID", "IN": "IN"}
RUPEES_PER_UNIT = 80  # Indian amounts: the ranges above times roughly the rupee-dollar rate


# --- templates -----------------------------------------------------------------------------
# One template a line: "kind | text". The kind names the ORGS list the sender comes from;
# "kind@SG,MY" also limits the countries. Slots in braces are filled by ``_Context.value``.
# Lines starting with "#" are headings.

_EN = """
# codes
bank | {org}: Your OTP for the transaction of {amount} at {merchant} is {otp}. Valid for 5 minutes. Never share your OTP with anyone, including {org} staff.
bank | {otp} is your {org} one-time password to log in. It expires in {minutes} minutes. {org} will never ask you for this code.
bank | {org}: Use {otp} to authorise adding a new payee ending {acct}. If you did not request this, call {phone}. Do not share this code.
bank@SG,MY | {org}: TAC {otp} for transfer of {amount} to account ending {acct}. Valid for 3 mins. If you did not initiate this, call {phone}.
account | {otp} is your {org} verification code.
account | Your {org} code is {otp}. Don't share it with anyone.
account | {org}: {code} is your security code. It expires in 10 minutes.
account | Your {org} code: {otp_dash}. Don't share this code with others.
ewallet | {org}: Your verification code is {otp}. Never share this code with anyone, including our staff.
govid | {org}: {otp} is your one-time password. Government officers will never ask for it. Do not share it with anyone.
marketplace | {org}: Your login code is {code}. If you did not try to log in, you can ignore this message.
# sign-in and password
account | {org}: New sign-in to your account on {device} in {place}. If this was you, no action is needed. If not, change your password in the {org} app.
account | Your {org} password was changed on {date} at {time}. If you didn't make this change, go to {domain} to secure your account.
account | {org}: Two-step verification was turned on for your account. If you didn't do this, review your security settings at {domain}.
bank | {org}: You logged in to online banking on a new device on {date} {time}. If this wasn't you, call {phone}.
bank | {org}: Your online banking password was changed on {date}. If you did not do this, call the number on the back of your card.
bank | {org}: A new device was registered for mobile banking on {date} {time}. Not you? Call {phone} or visit any branch.
bank | {org}: The PIN for card ending {card} was changed on {date}. If you did not do this, call {phone}.
ewallet | {org}: Your account was logged in on a new device on {date} at {time}. If this wasn't you, open the app and go to Help Centre.
# transactions
bank@IN | Dear Customer, {amount} debited from A/c XX{acct} on {date} for UPI payment to {merchant}. Avl Bal {balance}. Not you? Call {phone} - {org}
bank@IN | Your A/c XX{acct} is credited with {amount} on {date} by NEFT from {name} {surname}. Avl Bal {balance}. - {org}
bank@IN | {org}: {amount} spent on Credit Card XX{card} at {merchant} on {date}. Avl limit {balance}. Not you? Call {phone}
bank@IN | {org} Credit Card XX{card} statement: total due {bill}, minimum due {fee}, due by {date}. Pay in the {org} app or at {domain}.
telco@IN | Dear customer, your {org} recharge of {bill} is successful. Validity till {date}. Check usage in the {org} app.
telco@IN | {org}: 90% of your daily data quota is used. Speed will reduce after the limit. Data resets at midnight.
ewallet@IN | {org}: {amount} paid to {merchant} on {date}. UPI Ref {ref}. Not you? Report in the {org} app.
marketplace@IN | {org}: Your order {order} has been delivered. Rate your experience in the {org} app.
bank | {org}: Card ending {card} was used for {amount} at {merchant} on {date} {time}. If unauthorised, call {phone}.
bank | {org}: You made a purchase of {amount} at {merchant} with card ending {card}. Not you? Call {phone}.
bank | {org} Alert: Cash withdrawal of {amount} from account ending {acct} at {place} ATM on {date}. If unauthorised, call {phone}.
bank | {org}: You have transferred {amount} to {name} {surname} on {date} {time}. Ref {ref}. If this was not you, call {phone}.
bank | {org}: Salary of {big} has been credited to your account ending {acct} on {date}. Available balance {balance}.
bank | {org}: Incoming transfer of {amount} from {name} {surname} to account ending {acct}, {date} {time}.
bank | {org}: A direct debit of {bill} to {payee} will be taken from account ending {acct} on {date}. No action needed.
bank | {org}: Your standing instruction of {amount} to {name} {surname} was paid on {date}. Ref {ref}.
bank | {org}: Online payment of {amount} to {merchant} approved on card ending {card}. If you don't recognise it, call {phone}.
bank | {org}: Contactless payment of {amount} at {merchant} on {date}. Card ending {card}.
bank | {org}: Your card ending {card} was declined at {merchant} for {amount}. You can check your balance in the {org} app.
bank@US | {org}: A {amount} transaction was made on your debit card ending in {card} at {merchant}. Reply 1 if you recognize it or 2 if you don't. Msg&data rates may apply.
bank@UK | {org}: Did you try to pay {amount} at {merchant} with card ending {card}? Reply Y if it was you or N if it wasn't. We'll never ask for your PIN or passcode.
bank@SG | {org}: You have received {amount} via PayNow from {name} {surname} on {date} {time}.
bank@MY | {org}: DuitNow transfer of {amount} to {name} {surname} successful on {date} {time}. Ref {ref}.
bank@AU | {org}: Your debit card ending {card} was used for {amount} at {merchant}. If you don't recognise this, call us on {phone}.
# card blocked, replaced
bank | {org}: For your protection we have temporarily blocked card ending {card} after unusual activity. Please call the number on the back of your card or visit any {org} branch.
bank | {org}: We've put a temporary hold on card ending {card} to protect you. Check recent transactions in the {org} app, or call {phone}.
bank | {org}: Card ending {card} has been locked after 3 wrong PIN attempts. Unlock it in the {org} app or at any branch with your ID.
bank | {org}: Your replacement card ending {card} has been posted and should arrive by {date}. Activate it in the {org} app.
# statements and bills
bank | {org}: Your credit card statement for card ending {card} is ready. Amount due {bill}, payment due on {date}. Ignore if paid.
bank | {org}: Reminder - payment of {bill} for card ending {card} is due on {date}. Please ignore this message if you have already paid.
bank | {org}: Your {month} e-Statement is now available in the {org} app and at {domain}.
telco | {org}: Your bill of {bill} for account {ref} is due on {date}. Pay in the {org} app or at {domain}. Ignore if paid.
telco | {org}: Thank you. We have received your payment of {bill} on {date}. Ref {ref}.
telco | {org}: You have used 80% of your mobile data for this month. Check your usage in the {org} app.
telco | {org}: Your plan renews on {date}. No action needed. Manage your plan at {domain}.
telco | {org}: Planned maintenance in {place} on {date} from 01:00 to 05:00 may affect home broadband. We apologise for any inconvenience.
telco | {org}: Your monthly plan price will change to {bill} from {date}. No action needed. Details at {domain}.
telco | {org}: Welcome to {dest}. Your roaming pass is active until {date}. Check usage in the {org} app.
utility | {org}: Your bill of {bill} for {month} is ready and due on {date}. View or pay at {domain} or in our app. Ignore if paid.
utility | {org}: We have received your payment of {bill}. Thank you. Ref {ref}.
utility | {org}: Planned supply interruption in {place} on {date}, {window}. We apologise for the inconvenience.
utility | {org}: Your meter reading is due between {date} and {date2}. Submit it in our app or at {domain}.
utility@UK,AU,US | {org}: Your direct debit of {bill} will be collected on or around {date}. No action needed.
insurer | {org}: Your policy {ref} renews on {date}. The premium of {bill} will be charged to your card on file. No action needed.
insurer | {org}: We have received your claim {ref}. We will update you within 5 working days. Track it at {domain}.
insurer | {org}: Premium of {bill} for policy {ref} is due on {date}. Please ignore if paid.
# deliveries
courier | {org}: Your parcel {track} is out for delivery today. Track it at {domain}.
courier | {org}: Your parcel {track} was delivered today at {time}. Tell us how we did: {domain}/feedback
courier | Your {merchant} order {ref} has been shipped by {org}, AWB {track}. Track it at {domain}.
courier | {org}: Your parcel {track} was delivered at {time} and left at your front door.
courier | {org}: Your parcel {track} will arrive on {date}, {window}. Not home? Manage your delivery at {domain}.
courier | {org}: Sorry we missed you. Item {track} is ready to collect from our {place} collection point from {date}. Bring photo ID and this reference.
courier | {org}: Your parcel {track} is in the parcel locker at {place}. Collection PIN {code}. Please collect by {date}.
courier | {org}: Import duty of {amount} is payable for parcel {track}. Pay in the {org} app or at {domain} and we will deliver once paid.
courier | {org}: {driver} is {minutes} stops away with your parcel {track}.
courier | {org}: Your parcel {track} from {merchant} has been picked up and is on its way. Estimated delivery {date}.
courier | {org}: Delivered. Parcel {track} was signed for by {name} at {time}.
courier | {org}: We couldn't deliver parcel {track} today. We'll try again on {date}. No action needed.
courier@UK | {org}: We tried to deliver {track} today. Your item is at your local Post Office from {date}. Take photo ID with you.
courier@US | {org}: Your package {track} will be delivered {date} by 8pm. Reply STOP to cancel tracking texts.
marketplace | {org}: Your order {order} has been shipped. Track it in the {org} app.
marketplace | {org}: Order {order} confirmed. Total {amount}. We'll let you know when it ships.
marketplace | {org}: Your refund of {amount} for order {order} has been processed. It may take 3-5 business days to appear.
# appointments
clinic | {org}: Reminder of your appointment with {doctor} on {date} at {time}. Reply Y to confirm or N to cancel.
clinic | Hi {name}, this is a reminder from {org} of your check-up on {day} {date} at {time}. Reply C to cancel. Please arrive 10 minutes early.
clinic | {org}: Your appointment is confirmed for {date} at {time}. Please bring your ID and a list of any medication you take.
clinic | {org}: Your test results are ready. Please call the clinic or check the patient app to view them.
clinic | {org}: Your admission on {date} is confirmed. Please arrive at the admissions counter by {time}.
clinic | {org}: Hi {name}, it's time for your next check-up. Call us or book online at {domain}.
vaccine | {org}: Your vaccination appointment is on {date} at {time} at {place}. Reply YES to confirm or NO to cancel.
vaccine | {org}: You're due for your flu vaccine. Book an appointment at {domain} or at any of our clinics.
carservice | {org}: Your vehicle {plate} is booked in for service on {date} at {time}. Reply YES to confirm or call us to reschedule.
carservice | {org}: Your vehicle {plate} is ready for collection. Total {bill}. Thank you for choosing {org}.
# government
tax@SG,MY | {org}: We have received your income tax return for Year of Assessment {year}. Ref {ref}. No further action is needed.
tax@UK,AU | {org}: Your {year} tax return has been received. You can check its progress at {domain}.
tax | {org}: Reminder - the deadline to file your tax return is {date}. File online at {domain}. Ignore if you have filed.
benefit@SG,MY,AU | {org}: Your payment of {amount} has been paid into your bank account ending {acct} on {date}.
benefit@SG,MY,AU | {org}: Your annual statement is now available. Log in at {domain} to view it.
vehicle | {org}: Road tax for vehicle {plate} expires on {date}. Renew at {domain}.
vehicle@UK | {org}: Vehicle tax for {plate} is due on {date}. You can tax your vehicle online at {domain}.
census | {org}: The Census {year} is under way. Households can complete it online at {domain}. Our field officers carry an official ID card.
election | {org}: Polling Day is {day} {date}. Polls open 8am to 8pm. Check your polling station at {domain}.
election | {org}: You are now registered to vote at your current address. No further action needed.
police | {org}: Thank you for reporting. Your crime reference number is {ref}. Please quote it if you contact us.
police | {org}: Your police report {ref} has been updated. An officer will contact you if more information is needed.
# school and work
school | {org}: School will close early at 12:30pm on {date} for staff training. Please arrange pick-up for {child}.
school | {org}: Parent-teacher meeting is on {date} at {time}. Reply YES to confirm attendance.
school | {org}: {child} was marked absent today. If this is unexpected, please contact the school office.
school | {org}: Reminder - fees of {bill} are due by {date}. Ignore if paid. Pay at the school office or via bank bill payment.
school | {org}: The school bus for {child} is running about {minutes} minutes late this afternoon. Sorry for the inconvenience.
employer | {org} HR: Your payslip for {month} is available on the staff portal.
employer | {org}: Your shift on {date} has been changed to start at {time}. Please confirm with your supervisor.
employer | {org}: The office will be closed on {date} for the public holiday. Have a good break.
employer | {org}: Reminder - please submit your timesheet for the week ending {date} on the staff portal.
# travel and transport
airline | {org}: Flight {flight} to {dest} on {date} has been rescheduled to depart at {time}. We apologise for the change. Manage your booking at {domain}.
airline | {org}: Check-in for {flight} to {dest} is now open. Check in at {domain} or in our app.
airline | {org}: {flight} to {dest} is now boarding at Gate {gate}. Your seat is {seat}.
airline | {org}: Gate change. {flight} to {dest} will now depart from Gate {gate}.
ride | {org}: Your driver {driver} is arriving in {minutes} mins in a {car} ({plate}).
ride | {org}: Your driver has arrived. Look for a {car}, {plate}.
ride | {org}: Thanks for riding with {driver}. Total {amount} charged to your card ending {card}.
food | {org}: Your order from {restaurant} is on the way. Estimated arrival {time}.
food | {org}: Your order from {restaurant} has been delivered. Enjoy your meal!
# e-wallets
ewallet | {org}: You paid {amount} to {merchant} on {date} {time}. Transaction ID {ref}.
ewallet | {org}: Top-up of {amount} successful. Your balance is {balance}.
ewallet | {org}: You received {amount} from {name} {surname}. Ref {ref}.
# subscriptions
subscription | {org}: Your subscription renews on {date} for {fee}. No action needed. Manage it in your account settings.
subscription | {org}: We couldn't process your payment of {fee}. Please update your card in your account settings or at {domain}.
subscription | {org}: Thanks for your payment of {fee}. Your receipt is available in your account.
# marketing from real brands, on their own domain, with opt-out
brand | {org}: Members get 20% off selected items from {date} to {date2}. Shop in store or at {domain}. Reply STOP to opt out.
brand | {org}: Our new season collection is here. See it at {domain}. T&Cs apply. Reply STOP to unsubscribe.
brand | {org}: You have {points} points. Use them in store or at {domain} before {date}. Reply STOP to opt out.
# rates and terms
bank | {org}: From {date}, the interest rate on your savings account changes to {pct}% p.a. No action needed. Details at {domain}.
bank | {org}: We're updating our terms and conditions from {date}. You don't need to do anything. Read more at {domain}.
"""

_ID = """
bank | {org}: Kode OTP Anda {otp}. Berlaku 5 menit. JANGAN berikan kode ini kepada siapa pun, termasuk petugas {org}.
account | {otp} adalah kode verifikasi {org} Anda. Jangan bagikan kode ini.
ewallet | {org}: Kode verifikasi Anda {otp}. Demi keamanan, jangan berikan kode ini kepada siapa pun.
bank | {org}: Transaksi kartu debit ****{card} sebesar {amount} di {merchant} pada {date} {time} WIB. Jika bukan Anda, hubungi {phone}.
bank | {org}: Dana masuk {amount} dari {name} {surname} ke rekening ****{acct} pada {date} {time} WIB.
bank | {org}: Transfer {amount} ke {name} {surname} berhasil pada {date} {time}. No. Ref {ref}.
bank | {org}: Gaji sebesar {big} telah masuk ke rekening ****{acct} pada {date}. Saldo {balance}.
bank | {org}: Tarik tunai {amount} di ATM {place} pada {date} {time} WIB. Jika Anda tidak melakukannya, hubungi {phone}.
bank | {org}: Anda login ke mobile banking dari perangkat baru pada {date} {time}. Jika bukan Anda, hubungi {phone}.
bank | {org}: Demi keamanan, kartu ****{card} diblokir sementara. Silakan hubungi {phone} atau kunjungi kantor cabang terdekat dengan membawa KTP.
bank | {org}: Tagihan kartu kredit ****{card} sebesar {bill} jatuh tempo {date}. Abaikan jika sudah membayar.
bank | {org}: e-Statement bulan {month} sudah tersedia di aplikasi {org}.
bank | {org}: Mulai {date}, suku bunga tabungan Anda menjadi {pct}% p.a. Anda tidak perlu melakukan apa pun. Info: {domain}
bank | {org}: Autodebet {bill} untuk {payee} berhasil pada {date}. Ref {ref}.
courier | {org}: Paket {track} sedang diantar ke alamat Anda oleh kurir {driver}. Lacak di {domain}.
courier | {org}: Paket {track} telah diterima oleh {name} pada {date} {time}.
courier | {org}: Paket {track} dapat diambil di counter {org} {place} mulai {date}. Bawa KTP dan nomor resi.
courier | {org}: Paket {track} dikenakan bea masuk {amount}. Pembayaran dapat dilakukan di aplikasi {org} atau {domain}.
courier | {org}: Paket {track} dari {merchant} sudah dikirim. Estimasi tiba {date}.
telco | {org}: Tagihan Anda bulan {month} sebesar {bill}, jatuh tempo {date}. Bayar via aplikasi {org}. Abaikan jika sudah membayar.
telco | {org}: Kuota internet Anda tersisa 1GB. Cek sisa kuota di aplikasi {org}.
telco | {org}: Paket Anda berhasil diperpanjang pada {date}. Terima kasih.
utility | {org}: Pembayaran tagihan {bill} untuk ID pelanggan {ref} berhasil. Terima kasih.
utility | {org}: Akan ada pemeliharaan jaringan di {place} pada {date} pukul {window}. Mohon maaf atas ketidaknyamanannya.
clinic | {org}: Pengingat jadwal kontrol dengan {doctor} pada {day}, {date} pukul {time}. Balas YA untuk konfirmasi atau BATAL untuk membatalkan.
vaccine | {org}: Jadwal imunisasi anak Anda {child} pada {date} pukul {time} di {place}. Harap membawa buku KIA.
tax | {org}: SPT Tahunan Anda untuk tahun pajak {year} telah diterima. Nomor tanda terima {ref}.
benefit | {org}: Iuran bulan {month} sebesar {bill} telah diterima. Terima kasih.
vehicle | {org}: Pajak kendaraan {plate} jatuh tempo {date}. Bayar melalui aplikasi resmi atau kantor Samsat. Info: {domain}
election | {org}: Pemungutan suara dilaksanakan {day}, {date}. Cek lokasi TPS Anda di {domain}.
census | {org}: Petugas sensus akan berkunjung ke wilayah {place} mulai {date}. Petugas resmi membawa tanda pengenal.
police | {org}: Laporan Anda telah diterima dengan nomor {ref}. Simpan nomor ini untuk keperluan tindak lanjut.
school | {org}: Yth. Orang tua/wali {child}, rapat komite sekolah diadakan {day}, {date} pukul {time}. Terima kasih.
employer | {org}: Slip gaji bulan {month} sudah tersedia di portal karyawan.
airline | {org}: Penerbangan {flight} tujuan {dest} tanggal {date} berubah jadwal menjadi pukul {time}. Cek detail di {domain}.
airline | {org}: Boarding {flight} tujuan {dest} di Gate {gate}. Kursi Anda {seat}.
ride | {org}: Driver {driver} sedang menuju lokasi Anda dengan {car} {plate}. Estimasi {minutes} menit.
food | {org}: Pesanan Anda dari {restaurant} sedang diantar. Perkiraan tiba pukul {time}.
ewallet | {org}: Pembayaran {amount} ke {merchant} berhasil pada {date} {time}. ID transaksi {ref}.
ewallet | {org}: Top up {amount} berhasil. Saldo Anda sekarang {balance}.
subscription | {org}: Langganan Anda diperpanjang pada {date} sebesar {fee}. Tidak perlu tindakan apa pun.
subscription | {org}: Pembayaran {fee} gagal. Silakan perbarui metode pembayaran di pengaturan akun atau {domain}.
brand | {org}: Promo member diskon 20% {date} s.d. {date2} di toko dan {domain}. Balas STOP untuk berhenti berlangganan.
marketplace | {org}: Pesanan {order} sudah dikirim. Lacak di aplikasi {org}.
account | {org}: Kata sandi akun Anda diubah pada {date} {time}. Jika bukan Anda, amankan akun di aplikasi {org}.
"""

_MS = """
bank | RM0.00 {org}: TAC anda ialah {otp} untuk pemindahan {amount} ke akaun berakhir {acct}. Sah 3 minit. JANGAN kongsi TAC ini dengan sesiapa.
bank | {org}: Kod OTP anda {otp}. Jangan kongsi kod ini dengan sesiapa, termasuk kakitangan bank.
account | {otp} ialah kod pengesahan {org} anda. Jangan kongsi kod ini.
bank | {org}: Kad berakhir {card} digunakan untuk {amount} di {merchant} pada {date} {time}. Jika bukan anda, hubungi {phone}.
bank | {org}: Pengeluaran tunai {amount} dari akaun berakhir {acct} di ATM {place} pada {date}. Jika tidak dibenarkan, hubungi {phone}.
bank | {org}: Gaji {big} telah dikreditkan ke akaun berakhir {acct} pada {date}.
bank | RM0.00 {org}: Pindahan DuitNow {amount} kepada {name} berjaya pada {date} {time}. Ruj {ref}.
bank | {org}: Anda menerima {amount} daripada {name} ke akaun berakhir {acct}.
bank | {org}: Log masuk dari peranti baharu pada {date} {time}. Jika bukan anda, hubungi {phone}.
bank | {org}: Untuk keselamatan anda, kad berakhir {card} telah disekat sementara. Sila hubungi nombor di belakang kad anda atau kunjungi mana-mana cawangan {org}.
bank | {org}: Penyata kad kredit anda telah sedia. Jumlah perlu dibayar {bill}, tarikh akhir {date}. Abaikan jika telah dibayar.
bank | {org}: Mulai {date}, kadar keuntungan akaun simpanan anda ialah {pct}% setahun. Tiada tindakan diperlukan.
bank | {org}: Kata laluan perbankan dalam talian anda telah ditukar pada {date}. Jika bukan anda, hubungi {phone}.
courier | {org}: Bungkusan {track} akan dihantar hari ini. Jejak di {domain}.
courier | {org}: Bungkusan {track} telah dihantar dan diterima oleh {name} pada {time}.
courier | {org}: Kami tidak dapat menghantar bungkusan {track} hari ini. Sila ambil di cawangan {org} {place} mulai {date} dengan membawa MyKad.
courier | {org}: Bungkusan {track} berada di loker {place}. PIN pengambilan {code}. Sila ambil sebelum {date}.
courier | {org}: Duti kastam {amount} perlu dibayar untuk bungkusan {track}. Bayar melalui aplikasi {org} atau {domain}.
telco | {org}: Bil anda sebanyak {bill} perlu dibayar sebelum {date}. Bayar melalui aplikasi {org}. Abaikan jika telah dibayar.
telco | RM0.00 {org}: Terima kasih. Bayaran {bill} telah diterima pada {date}. Ruj {ref}.
utility | {org}: Bil anda bagi bulan {month} berjumlah {bill}. Tarikh akhir {date}. Bayar di aplikasi atau {domain}.
utility | {org}: Gangguan bekalan dijadualkan di {place} pada {date}, {window}. Harap maklum.
clinic | {org}: Peringatan temujanji anda dengan {doctor} pada {day}, {date} jam {time}. Balas YA untuk sahkan atau BATAL untuk membatalkan.
vaccine | {org}: Temujanji vaksinasi anda pada {date} jam {time} di {place}. Sila bawa MyKad.
carservice | {org}: Kenderaan {plate} dijadualkan untuk servis pada {date} jam {time}. Balas YA untuk sahkan.
tax | {org}: Borang BE Tahun Taksiran {year} anda telah diterima. No. rujukan {ref}.
tax | {org}: Tarikh akhir pengemukaan Borang BE ialah {date}. Hantar melalui MyTax di {domain}. Abaikan jika telah dihantar.
benefit | {org}: Caruman bulan {month} sebanyak {bill} telah diterima. Semak penyata di {domain}.
benefit | {org}: Bayaran {amount} telah dikreditkan ke akaun bank anda pada {date}.
vehicle | {org}: Cukai jalan kenderaan {plate} tamat pada {date}. Perbaharui di {domain} atau di kaunter {org}.
election | {org}: Hari mengundi ialah {day}, {date}. Semak pusat mengundi anda di {domain}.
police | {org}: Laporan polis anda telah diterima. No. laporan {ref}. Sila simpan nombor ini untuk rujukan.
school | {org}: Makluman kepada ibu bapa {child}: Mesyuarat PIBG akan diadakan pada {date} jam {time}. Terima kasih.
employer | {org}: Slip gaji bulan {month} kini boleh dilihat di portal pekerja.
airline | {org}: Penerbangan {flight} ke {dest} pada {date} telah dijadualkan semula ke jam {time}. Urus tempahan anda di {domain}.
ride | {org}: Pemandu {driver} akan tiba dalam {minutes} minit dengan {car} {plate}.
food | {org}: Pesanan anda dari {restaurant} sedang dalam perjalanan. Anggaran tiba jam {time}.
ewallet | {org}: Anda telah membayar {amount} kepada {merchant} pada {date} {time}. ID transaksi {ref}.
ewallet | {org}: Tambah nilai {amount} berjaya. Baki anda {balance}.
subscription | {org}: Langganan anda akan diperbaharui pada {date} dengan caj {fee}. Tiada tindakan diperlukan.
subscription | {org}: Bayaran {fee} tidak berjaya. Sila kemas kini kad anda dalam tetapan akaun atau di {domain}.
brand | RM0.00 {org}: Diskaun 20% untuk ahli dari {date} hingga {date2}. Beli di kedai atau {domain}. Balas STOP untuk berhenti.
marketplace | {org}: Pesanan {order} anda telah dihantar. Jejak dalam aplikasi {org}.
account | {org}: Kata laluan akaun anda telah ditukar pada {date}. Jika bukan anda, pergi ke {domain} untuk melindungi akaun anda.
"""


def _parse(lang: str, block: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in block.strip().splitlines():
        if line.startswith("#"):
            continue
        kind, text = line.split(" | ", 1)
        rows.append((lang, kind, text))
    return rows


TEMPLATES: tuple[tuple[str, str, str], ...] = (
    *_parse("en", _EN),
    *_parse("id", _ID),
    *_parse("ms", _MS),
)
"""(language, kind, text) for every template."""


# --- rendering -----------------------------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


@dataclass
class _Context:
    rng: random.Random
    lang: str
    country: str
    org: Org
    day1: dt.date = field(init=False)
    day2: dt.date = field(init=False)
    currency: str = field(init=False)

    def __post_init__(self) -> None:
        self.day1 = dt.date(2026, 1, 1) + dt.timedelta(days=self.rng.randrange(365))
        self.day2 = self.day1 + dt.timedelta(days=self.rng.randint(2, 10))
        self.currency = self.rng.choice(CURRENCIES[self.country])

    def pick(self, table: dict[str, tuple[str, ...]]) -> str:
        return self.rng.choice(table[self.country])

    def date(self, day: dt.date) -> str:
        month = SHORT_MONTHS[self.lang][day.month - 1]
        if self.country == "US":
            return f"{month} {day.day}"
        return f"{day.day} {month}"

    def time(self) -> str:
        hour, minute = self.rng.randint(7, 21), self.rng.randrange(60)
        if self.country == "US" or (self.lang == "en" and self.rng.random() < 0.4):
            return f"{(hour - 1) % 12 + 1}:{minute:02d}{'am' if hour < 12 else 'pm'}"
        return f"{hour:02d}:{minute:02d}"

    def money(self, kind: str) -> str:
        (lo, hi), (id_lo, id_hi) = MONEY_RANGES[kind]
        if self.country == "ID":
            rupiah = self.rng.randint(id_lo // 500, id_hi // 500) * 500
            if self.currency == "IDR ":
                return f"IDR {rupiah:,}.00"
            return f"{self.currency}{rupiah:,}".replace(",", ".")
        if self.country == "IN":
            lo, hi = lo * RUPEES_PER_UNIT, hi * RUPEES_PER_UNIT
        cents = self.rng.randint(lo * 100, hi * 100)
        return f"{self.currency}{cents / 100:,.2f}"

    def plate(self) -> str:
        rng = self.rng
        if self.country == "SG":
            return f"S{_letters(rng, 2)}{rng.randint(1, 9999)}{_letters(rng, 1)}"
        if self.country == "MY":
            return f"{rng.choice('WBJVPA')}{_letters(rng, 2)} {rng.randint(1, 9999)}"
        if self.country == "ID":
            return (
                f"{rng.choice(['B', 'D', 'L', 'AB'])} {rng.randint(1000, 9999)} {_letters(rng, 3)}"
            )
        if self.country == "UK":
            return f"{_letters(rng, 2)}{rng.randint(10, 25)} {_letters(rng, 3)}"
        if self.country == "US":
            return f"{rng.randint(1, 9)}{_letters(rng, 3)}{_digits(rng, 3)}"
        return f"{_letters(rng, 3)}{_digits(rng, 2)}{_letters(rng, 1)}"

    def track(self) -> str:
        rng = self.rng
        style = rng.randrange(3)
        if style == 0:
            return f"{_letters(rng, 2)}{_digits(rng, 9)}{UPU_COUNTRY[self.country]}"
        if style == 1:
            return _digits(rng, 12)
        return f"{_letters(rng, 2)}{_digits(rng, 10)}"

    def ref(self) -> str:
        rng = self.rng
        style = rng.randrange(3)
        if style == 0:
            return _digits(rng, 10)
        if style == 1:
            return f"{_letters(rng, 2)}{_digits(rng, 8)}"
        return f"{_letters(rng, 3)}-{_digits(rng, 6)}"

    def value(self, slot: str) -> str:
        rng, org = self.rng, self.org
        if slot == "org":
            return org.name
        if slot == "domain":
            return org.domain
        if slot == "phone":
            return org.phone
        if slot in MONEY_RANGES:
            return self.money(slot)
        if slot in ("card", "acct"):
            return _digits(rng, 4)
        if slot == "otp":
            return _digits(rng, 6)
        if slot == "otp_dash":
            return f"{_digits(rng, 3)}-{_digits(rng, 3)}"
        if slot == "code":
            return _digits(rng, rng.randint(4, 8))
        if slot == "date":
            return self.date(self.day1)
        if slot == "date2":
            return self.date(self.day2)
        if slot == "day":
            return WEEKDAYS[self.lang][self.day1.weekday()]
        if slot == "month":
            return MONTHS[self.lang][self.day1.month - 1]
        if slot == "year":
            return str(rng.choice((2025, 2026)))
        if slot == "time":
            return self.time()
        if slot == "window":
            return rng.choice(WINDOWS[self.lang])
        if slot == "minutes":
            return str(rng.randint(2, 15))
        if slot in ("name", "driver", "child"):
            return self.pick(NAMES)
        if slot == "surname":
            return self.pick(SURNAMES)
        if slot == "doctor":
            return f"{'dr.' if self.country == 'ID' else 'Dr'} {self.pick(SURNAMES)}"
        if slot == "place":
            return self.pick(PLACES)
        if slot == "merchant":
            return self.pick(MERCHANTS)
        if slot == "restaurant":
            return self.pick(RESTAURANTS)
        if slot == "payee":
            return self.pick(PAYEES)
        if slot == "car":
            return self.pick(CARS)
        if slot == "plate":
            return self.plate()
        if slot == "device":
            return rng.choice(DEVICES)
        if slot == "dest":
            return rng.choice(DESTINATIONS)
        if slot == "flight":
            return f"{org.tag}{rng.randint(10, 1999)}"
        if slot == "gate":
            return f"{rng.choice('ABCDEFG')}{rng.randint(1, 40)}"
        if slot == "seat":
            return f"{rng.randint(1, 45)}{rng.choice('ABCDEFK')}"
        if slot == "ref":
            return self.ref()
        if slot == "track":
            return self.track()
        if slot == "order":
            return _digits(rng, rng.choice((10, 12, 14)))
        if slot == "pct":
            return f"{rng.randint(5, 450) / 100:.2f}"
        if slot == "points":
            return f"{rng.randint(200, 20000):,}"
        raise KeyError(f"unknown slot {slot!r}")


def _slots(text: str) -> list[str]:
    """The slot names in ``text`` in order of first use (a list, so the order never depends on
    hashing)."""
    names = [name for _, name, _, _ in string.Formatter().parse(text) if name]
    return list(dict.fromkeys(names))


def _senders(lang: str, kind: str, slots: list[str]) -> tuple[tuple[str, ...], list[Org]]:
    """The countries a template may be set in and the organisations that can send it."""
    base, _, only = kind.partition("@")
    countries = LANGUAGE_COUNTRIES[lang]
    if only:
        countries = tuple(c for c in countries if c in only.split(","))
    pool = [
        org
        for org in ORGS[base]
        if (org.country == "*" or org.country in countries)
        and (org.domain or "domain" not in slots)
        and (org.phone or "phone" not in slots)
        and (org.tag or "flight" not in slots)
    ]
    if not countries or not pool:
        raise ValueError(f"no sender for template kind {kind!r} in {lang!r}")
    return countries, pool


def generate(
    seed: int = 1234, per_template: int = 12, skip_kinds: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """(language, text) for every rendering, in template order, before de-duplication;
    templates whose kind is in ``skip_kinds`` are left out."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for lang, kind, text in TEMPLATES:
        if kind.split("@", 1)[0] in skip_kinds:
            continue
        slots = _slots(text)
        countries, pool = _senders(lang, kind, slots)
        for _ in range(per_template):
            org = rng.choice(pool)
            country = rng.choice(countries) if org.country == "*" else org.country
            ctx = _Context(rng, lang, country, org)
            out.append((lang, text.format_map({slot: ctx.value(slot) for slot in slots})))
    return out


# Marketing from real brands is "promotion" in the classifier's label scheme, not "legitimate".
PROMOTION_KINDS = frozenset({"brand"})


def legit_notices(
    seed: int = 1234, per_template: int = 12, skip_kinds: frozenset[str] = PROMOTION_KINDS
) -> list[str]:
    """Synthetic legitimate organisational notices (training data only), de-duplicated and
    sorted; identical for the same arguments."""
    return sorted({text for _, text in generate(seed, per_template, skip_kinds)})
