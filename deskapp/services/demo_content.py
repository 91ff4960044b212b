"""Words the demo generator draws from: names, organisations, ticket texts, canned answers.

Persian names are kept beside a Latin transliteration, used for e-mail addresses.
The desk modelled is an internet provider's: billing, outages, slow lines, installs.
"""

from __future__ import annotations

PERSIAN_MALE = [
    ("علی", "ali"), ("محمد", "mohammad"), ("حسین", "hossein"), ("رضا", "reza"),
    ("مهدی", "mahdi"), ("امیر", "amir"), ("حمید", "hamid"), ("سعید", "saeed"),
    ("مجید", "majid"), ("کاوه", "kaveh"), ("بابک", "babak"), ("آرش", "arash"),
    ("فرهاد", "farhad"), ("یوسف", "yousef"), ("کریم", "karim"), ("مرتضی", "morteza"),
    ("پیمان", "peyman"), ("نیما", "nima"), ("امید", "omid"), ("سیاوش", "siavash"),
    ("کامران", "kamran"), ("یاسر", "yaser"),
]
PERSIAN_FEMALE = [
    ("زهرا", "zahra"), ("فاطمه", "fatemeh"), ("مریم", "maryam"), ("سارا", "sara"),
    ("لیلا", "leila"), ("نگین", "negin"), ("پریسا", "parisa"), ("مینا", "mina"),
    ("ندا", "neda"), ("شیرین", "shirin"), ("الهام", "elham"), ("نرگس", "narges"),
    ("سمیرا", "samira"), ("کیمیا", "kimia"), ("یاسمن", "yasaman"), ("آزاده", "azadeh"),
    ("مهسا", "mahsa"), ("رویا", "roya"), ("کتایون", "katayoun"), ("سپیده", "sepideh"),
]
PERSIAN_LAST = [
    ("رضایی", "rezaei"), ("احمدی", "ahmadi"), ("محمدی", "mohammadi"), ("حسینی", "hosseini"),
    ("کریمی", "karimi"), ("موسوی", "mousavi"), ("جعفری", "jafari"), ("کاظمی", "kazemi"),
    ("رحیمی", "rahimi"), ("صادقی", "sadeghi"), ("مرادی", "moradi"), ("نوری", "nouri"),
    ("قاسمی", "ghasemi"), ("یزدانی", "yazdani"), ("کرمانی", "kermani"), ("تبریزی", "tabrizi"),
    ("شریفی", "sharifi"), ("اکبری", "akbari"), ("فرهادی", "farhadi"), ("نیک‌نام", "niknam"),
    ("باقری", "bagheri"), ("زمانی", "zamani"), ("عباسی", "abbasi"), ("سلیمانی", "soleimani"),
    ("کیانی", "kiani"), ("میرزایی", "mirzaei"),
]
ENGLISH_FIRST = [
    "James", "Emily", "Oliver", "Sophie", "Daniel", "Grace", "Thomas", "Hannah", "Michael",
    "Laura", "David", "Chloe", "Robert", "Anna", "William", "Olivia", "Peter", "Lucy",
]
ENGLISH_LAST = [
    "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Wright", "Green",
    "Hall", "Evans", "Turner", "Baker", "Hughes", "Morgan", "Price",
]
MAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "chmail.ir", "parsonline.net"]

# (Persian name, English name, mail domain)
ORGANISATIONS = [
    ("پارس‌آرا لجستیک", "Pars-Ara Logistics", "parsara.ir"),
    ("داروسازی سینا", "Sina Pharma", "sinapharma.ir"),
    ("آسیا تجارت", "Asia Tejarat", "asiatejarat.com"),
    ("کشتیرانی خزر", "Caspian Freight", "caspianfreight.com"),
    ("فرش تبریز", "Tabriz Carpet Co.", "tabrizcarpet.ir"),
    ("هتل آزادی", "Azadi Hotel", "azadihotel.ir"),
    ("دانشگاه صنعتی نوین", "Novin University of Technology", "novin.ac.ir"),
    ("نرم‌افزار زاگرس", "Zagros Software", "zagros.io"),
    ("بیمارستان مهر", "Mehr Hospital", "mehrhospital.ir"),
    ("کلینیک لبخند", "Labkhand Dental Clinic", "labkhand.ir"),
    ("گردشگری پرسپولیس", "Persepolis Travel", "persepolistravel.com"),
    ("فروشگاه‌های رفاه", "Refah Stores", "refah.ir"),
]

WARNING_NOTES = {
    "fa": [
        "در تماس‌های قبلی بدرفتاری کرده؛ در صورت لزوم به سرپرست منتقل شود.",
        "پرونده حقوقی باز دارد؛ هیچ وعده بازپرداختی داده نشود.",
        "شنوایی ضعیف: آهسته و واضح صحبت کنید.",
    ],
    "en": [
        "Abusive on previous calls; hand over to a supervisor if needed.",
        "Open legal dispute: do not promise any refund.",
        "Hard of hearing: speak slowly and clearly.",
    ],
}

# category -> (team that owns the skill, [(Persian subject, English subject)])
CATEGORIES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "Billing": ("Billing", [
        ("مبلغ قبض این ماه اشتباه است", "This month's bill is wrong"),
        ("پرداخت آنلاین انجام شد ولی ثبت نشده", "Paid online but the payment is not recorded"),
        ("درخواست بازگشت وجه", "Refund request"),
        ("تمدید بسته اینترنت انجام نشد", "Internet package renewal failed"),
    ]),
    "Internet outage": ("Network", [
        ("اینترنت کاملاً قطع است", "Internet is completely down"),
        ("قطعی مکرر هر شب", "Connection drops every evening"),
        ("چراغ DSL مودم خاموش است", "DSL light on the modem is off"),
    ]),
    "Slow connection": ("Network", [
        ("سرعت اینترنت خیلی پایین است", "Internet is very slow"),
        ("پینگ بالا در بازی آنلاین", "High ping in online games"),
        ("دانلود از ساعت ۸ شب کند می‌شود", "Downloads crawl after 8 pm"),
    ]),
    "Installation": ("Field service", [
        ("درخواست نصب فیبر نوری", "Fibre installation request"),
        ("جابجایی خط به آدرس جدید", "Move the line to a new address"),
        ("نصب و راه‌اندازی مودم جدید", "Set up a new modem"),
    ]),
    "Equipment repair": ("Field service", [
        ("مودم مرتب ری‌استارت می‌شود", "Modem keeps restarting"),
        ("آداپتور مودم سوخته است", "Modem power adapter burnt out"),
        ("وای‌فای به اتاق‌ها نمی‌رسد", "Wi-Fi does not reach the rooms"),
    ]),
    "Account": ("Front desk", [
        ("تغییر رمز پنل کاربری", "Change the account portal password"),
        ("تغییر نام مالک خط", "Change the name of the line's owner"),
        ("فعال‌سازی ایمیل سازمانی", "Activate the company mailbox"),
    ]),
    "General enquiry": ("Front desk", [
        ("سوال درباره بسته‌های جدید", "Question about the new packages"),
        ("ساعت کاری دفتر تبریز", "Opening hours of the Tabriz office"),
        ("آیا در منطقه ما فیبر نوری هست؟", "Is fibre available in our area?"),
    ]),
    "Complaint": ("Front desk", [
        ("از برخورد کارشناس ناراضی هستم", "Unhappy with how the agent treated me"),
        ("سه بار تماس گرفتم و حل نشد", "Called three times and it is still not solved"),
        ("تکنسین سر ساعت نیامد", "The technician did not come on time"),
    ]),
}
CATEGORY_WEIGHTS = {
    "Billing": 22, "Internet outage": 16, "Slow connection": 14, "Installation": 8,
    "Equipment repair": 10, "Account": 10, "General enquiry": 14, "Complaint": 6,
}

DETAILS = {
    "fa": [
        "مشترک می‌گوید از دیروز این مشکل را دارد.",
        "شماره قرارداد {n} اعلام شد.",
        "مودم را خاموش و روشن کرده ولی فرقی نکرده.",
        "لطفاً هر چه زودتر پیگیری شود، کسب‌وکارش متوقف شده.",
        "بار دوم است که این هفته تماس می‌گیرد.",
        "ترجیح می‌دهد با پیامک خبر داده شود.",
    ],
    "en": [
        "The customer says it started yesterday.",
        "Contract number {n} given.",
        "Already switched the modem off and on; no change.",
        "Please hurry: their shop cannot take card payments.",
        "Second call about this this week.",
        "Prefers to be told by text message.",
    ],
}
REPLIES = {
    "fa": [
        "سلام، درخواست شما ثبت شد و کارشناس مربوط پیگیری می‌کند.",
        "لطفاً مودم را ۳۰ ثانیه خاموش کنید و دوباره روشن کنید و نتیجه را اعلام کنید.",
        "برای بررسی بیشتر، لطفاً تصویر قبض یا رسید پرداخت را ارسال کنید.",
        "تست خط انجام شد؛ نتیجه را تا پایان روز اطلاع می‌دهیم.",
        "زمان مراجعه تکنسین هماهنگ شد.",
    ],
    "en": [
        "Hello, we have logged your request and the right team is on it.",
        "Please switch the modem off for 30 seconds, switch it on again and tell us the result.",
        "To look into it further, please send a photo of the bill or the payment receipt.",
        "We ran a line test; you will hear from us by the end of the day.",
        "The technician's visit is booked.",
    ],
}
CUSTOMER_REPLIES = {
    "fa": [
        "هنوز مشکل پابرجاست.",
        "رسید پرداخت را فرستادم.",
        "انجام دادم ولی فرقی نکرد.",
        "چه زمانی درست می‌شود؟",
    ],
    "en": [
        "It is still not working.",
        "I have sent the payment receipt.",
        "Did that, no change.",
        "When will it be fixed?",
    ],
}
INTERNAL_NOTES = [
    "با مرکز داده تماس گرفتم؛ قطعی سراسری نداریم.",
    "تست خط: نویز روی زوج سیم مسی، نیاز به بازدید.",
    "سابقه پرداخت بررسی شد؛ دو بار کسر شده.",
    "Line test shows noise on the copper pair; field visit needed.",
    "Checked the payment gateway log: charged twice.",
    "Customer was polite but in a hurry; call back after 5 pm.",
    "Port reset on the DSLAM, waiting for the customer to confirm.",
]
PENDING_CUSTOMER = {
    "fa": ["لطفاً شماره سریال مودم را ارسال کنید تا پیگیری ادامه یابد."],
    "en": ["Please send us the modem's serial number so we can continue."],
}
PENDING_THIRD_PARTY = [
    "منتظر پاسخ شرکت مخابرات درباره خرابی کابل.",
    "Waiting for the telecom company to repair the street cabinet.",
    "درخواست به بانک عامل برای برگشت وجه ارسال شد.",
]
RESOLUTIONS = {
    "fa": [
        "مشکل برطرف شد. از صبر و همراهی شما سپاسگزاریم.",
        "مبلغ اصلاح شد و در قبض بعدی اعمال می‌شود.",
        "تکنسین مراجعه کرد و اتصال برقرار است.",
    ],
    "en": [
        "The problem is fixed. Thank you for your patience.",
        "The amount is corrected and will show on your next bill.",
        "The technician visited and the line is working.",
    ],
}
ON_CONTACT = [
    "در همان تماس حل شد.",
    "Solved during the call.",
    "راهنمایی تلفنی انجام شد و مشکل رفع شد.",
]
REOPEN = {
    "fa": ["دوباره همان مشکل پیش آمده."],
    "en": ["The same problem is back."],
}
FUNCTIONAL_REASONS = {
    "Billing": "needs billing access",
    "Network": "line fault: network team",
    "Field service": "site visit needed",
}
HIERARCHICAL_REASONS = [
    "customer insists on a supervisor",
    "beyond tier 1",
    "repeat contact",
]

# (language, category, title, body)
CANNED_RESPONSES = [
    ("fa", "General", "خوشامدگویی",
     "سلام، وقت شما بخیر. با پشتیبانی تماس گرفته‌اید؛ چطور می‌توانم کمکتان کنم؟"),
    ("fa", "Internet outage", "ری‌استارت مودم",
     "لطفاً مودم را ۳۰ ثانیه خاموش کنید، سپس روشن کنید و دو دقیقه صبر کنید تا چراغ‌ها ثابت شوند."),
    ("fa", "Internet outage", "قطعی سراسری",
     "در حال حاضر در منطقه شما قطعی داریم و همکاران فنی مشغول رفع آن هستند. "
     "زمان تقریبی رفع: دو ساعت."),
    ("fa", "Billing", "رسید پرداخت",
     "لطفاً تصویر رسید پرداخت یا شماره پیگیری بانکی را ارسال کنید تا پرداخت شما ثبت شود."),
    ("fa", "Billing", "بازگشت وجه",
     "درخواست بازگشت وجه ثبت شد و ظرف ۷۲ ساعت کاری به حساب شما واریز می‌شود."),
    ("fa", "Slow connection", "تست سرعت",
     "لطفاً با کابل به مودم وصل شوید و نتیجه تست سرعت را برای ما بفرستید."),
    ("fa", "Installation", "هماهنگی نصب",
     "کارشناس نصب برای هماهنگی زمان مراجعه با شما تماس می‌گیرد."),
    ("fa", "General", "پایان گفتگو",
     "از تماس شما سپاسگزاریم. در صورت نیاز با شماره ۱۵۷۰ تماس بگیرید."),
    ("en", "General", "Greeting",
     "Hello, thank you for calling support. How can I help you today?"),
    ("en", "Internet outage", "Restart the modem",
     "Please switch the modem off for 30 seconds, switch it on again and wait two minutes "
     "until the lights are steady."),
    ("en", "Internet outage", "Area outage",
     "There is an outage in your area and our engineers are working on it. "
     "Expected fix: within two hours."),
    ("en", "Billing", "Payment receipt",
     "Please send a photo of the payment receipt or the bank's tracking number so we can "
     "record your payment."),
    ("en", "Billing", "Refund",
     "Your refund request is logged; the money reaches your account within 72 working hours."),
    ("en", "Slow connection", "Speed test",
     "Please connect to the modem with a cable and send us the result of a speed test."),
    ("en", "Installation", "Installation visit",
     "Our installer will call you to agree on a time for the visit."),
    ("en", "General", "Closing",
     "Thank you for contacting us. Call 1570 any time if you need us again."),
]
