<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>Actions</name>
    <message>
        <source>Call the customer</source>
        <translation>تماس با مشتری</translation>
    </message>
    <message>
        <source>Missed calls…</source>
        <translation>تماس‌های بی‌پاسخ…</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <source>Show customer</source>
        <translation>نمایش مشتری</translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation>انتخاب مشتری…</translation>
    </message>
    <message>
        <source>Log this call…</source>
        <translation>ثبت این تماس…</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>قطع تماس</translation>
    </message>
    <message>
        <source>%1 customers share this number</source>
        <translation>%1 مشتری این شماره را دارند</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>تماس‌گیرنده‌ی ناشناس</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>تماس بی‌پاسخ</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>تماس پایان یافت</translation>
    </message>
    <message>
        <source>On the call</source>
        <translation>در حال مکالمه</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>تماس ورودی</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>در حال شماره‌گیری</translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <source>The softphone is not connected; cannot call %1.</source>
        <translation>تلفن نرم‌افزاری وصل نیست؛ تماس با %1 ممکن نیست.</translation>
    </message>
    <message>
        <source>The open ticket's customer has no phone number.</source>
        <translation>مشتری تیکت باز شماره تلفنی ندارد.</translation>
    </message>
    <message>
        <source>The softphone refused %1: %2</source>
        <translation>تلفن نرم‌افزاری %1 را نپذیرفت: %2</translation>
    </message>
    <message>
        <source>Missed calls: %1</source>
        <translation>تماس‌های بی‌پاسخ: %1</translation>
    </message>
</context>
<context>
    <name>CallerChoiceDialog</name>
    <message>
        <source>Who is calling?</source>
        <translation>چه کسی تماس گرفته است؟</translation>
    </message>
    <message>
        <source>%1 customers have the number %2. Who is on the line?</source>
        <translation>%1 مشتری شماره‌ی %2 را دارند. چه کسی پشت خط است؟</translation>
    </message>
    <message>
        <source>has a warning note</source>
        <translation>یادداشت هشدار دارد</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <source>Call from %1</source>
        <translation>تماس از %1</translation>
    </message>
    <message>
        <source>Call to %1</source>
        <translation>تماس با %1</translation>
    </message>
    <message>
        <source>rang %1</source>
        <translation>زنگ %1</translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>پاسخ %1</translation>
    </message>
    <message>
        <source>length %1</source>
        <translation>مدت %1</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>در جریان</translation>
    </message>
</context>
<context>
    <name>MissedCallsDialog</name>
    <message>
        <source>Missed calls</source>
        <translation>تماس‌های بی‌پاسخ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>تماس مجدد</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>کنار گذاشتن</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>تماس‌گیرنده‌ی ناشناس</translation>
    </message>
    <message>
        <source>No missed calls.</source>
        <translation>تماس بی‌پاسخی نیست.</translation>
    </message>
</context>
<context>
    <name>SoftphoneSettingsDialog</name>
    <message>
        <source>Softphone</source>
        <translation>تلفن نرم‌افزاری</translation>
    </message>
    <message>
        <source>Connect to the softphone (baresip ctrl_tcp)</source>
        <translation>اتصال به تلفن نرم‌افزاری (baresip ctrl_tcp)</translation>
    </message>
    <message>
        <source>Accept `deskapp call …` from other programs</source>
        <translation>پذیرفتن ‎`deskapp call …`‎ از برنامه‌های دیگر</translation>
    </message>
    <message>
        <source>In baresip's config: module_app ctrl_tcp.so and ctrl_tcp_listen 127.0.0.1:4444. The dial pattern turns a number into what the softphone dials: {number}, or sip:{number}@your-pbx.</source>
        <translation>در پیکربندی baresip:‏ module_app ctrl_tcp.so و ctrl_tcp_listen 127.0.0.1:4444. الگوی شماره‌گیری، شماره را به آنچه تلفن نرم‌افزاری می‌گیرد تبدیل می‌کند: {number} یا sip:{number}@your-pbx.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>میزبان:</translation>
    </message>
    <message>
        <source>Control port:</source>
        <translation>درگاه کنترل:</translation>
    </message>
    <message>
        <source>Dial pattern:</source>
        <translation>الگوی شماره‌گیری:</translation>
    </message>
    <message>
        <source>Enter the softphone's host (usually 127.0.0.1).</source>
        <translation>میزبان تلفن نرم‌افزاری را وارد کنید (معمولاً 127.0.0.1).</translation>
    </message>
    <message>
        <source>The dial pattern must contain {number}.</source>
        <translation>الگوی شماره‌گیری باید {number} را داشته باشد.</translation>
    </message>
</context>
<context>
    <name>SoftphoneStatus</name>
    <message>
        <source>Softphone connected</source>
        <translation>تلفن نرم‌افزاری وصل است</translation>
    </message>
    <message>
        <source>Softphone not connected</source>
        <translation>تلفن نرم‌افزاری وصل نیست</translation>
    </message>
</context>
<context>
    <name>Telephony</name>
    <message>
        <source>Softphone…</source>
        <translation>تلفن نرم‌افزاری…</translation>
    </message>
</context>
</TS>
