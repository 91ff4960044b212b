<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="29" />
        <source>Log a call…</source>
        <translation>ثبت تماس…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="31" />
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="32" />
        <source>Reply</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="34" />
        <source>Add internal note</source>
        <translation>یادداشت داخلی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="36" />
        <source>Insert canned response…</source>
        <translation>درج پاسخ آماده…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="39" />
        <source>Escalate…</source>
        <translation>ارجاع…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="41" />
        <source>Next ticket</source>
        <translation>درخواست بعدی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="43" />
        <source>Previous ticket</source>
        <translation>درخواست قبلی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="45" />
        <source>Search tickets</source>
        <translation>جست‌وجوی درخواست‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="47" />
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="49" />
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="51" />
        <source>About deskapp</source>
        <translation>درباره‌ی deskapp</translation>
    </message>
</context>
<context>
    <name>CannedResponseDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/canned_response_dialog.py" line="83" />
        <source>Canned responses</source>
        <translation>پاسخ‌های آماده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/canned_response_dialog.py" line="89" />
        <source>Search title or text…</source>
        <translation>جست‌وجو در عنوان یا متن…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/canned_response_dialog.py" line="93" />
        <source>All languages</source>
        <translation>همه‌ی زبان‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/canned_response_dialog.py" line="94" />
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/canned_response_dialog.py" line="95" />
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/canned_response_dialog.py" line="109" />
        <source>Insert</source>
        <translation>درج</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/canned_response_dialog.py" line="149" />
        <source>No canned response matches.</source>
        <translation>پاسخ آماده‌ای پیدا نشد.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="37" />
        <source>&amp;Reply</source>
        <translation>&amp;پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="38" />
        <source>Internal &amp;note</source>
        <translation>یادداشت &amp;داخلی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="39" />
        <source>Follow-up &amp;call</source>
        <translation>تماس &amp;پیگیری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="51" />
        <source>Canned response…</source>
        <translation>پاسخ آماده…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="60" />
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="95" />
        <source>Sending…</source>
        <translation>در حال ارسال…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="101" />
        <source>Write a reply to the customer…</source>
        <translation>پاسخی برای مشتری بنویسید…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="102" />
        <source>Internal note: only staff see it…</source>
        <translation>یادداشت داخلی: فقط کارکنان می‌بینند…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="103" />
        <source>What was said on the follow-up call…</source>
        <translation>در تماس پیگیری چه گفته شد…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="111" />
        <source>Send reply</source>
        <translation>ارسال پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="112" />
        <source>Add note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="113" />
        <source>Log call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="122" />
        <source>Type something first.</source>
        <translation>ابتدا چیزی بنویسید.</translation>
    </message>
</context>
<context>
    <name>CustomerHistoryPane</name>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="63" />
        <source>The caller's history shows here.</source>
        <translation>سابقه‌ی تماس‌گیرنده اینجا نمایش داده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="85" />
        <source>Phones:</source>
        <translation>تلفن‌ها:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="86" />
        <source>Email:</source>
        <translation>ایمیل:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="87" />
        <source>Organisation:</source>
        <translation>سازمان:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="91" />
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="92" />
        <source>Last 90 days</source>
        <translation>۹۰ روز اخیر</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="93" />
        <source>First-contact resolution</source>
        <translation>حل در اولین تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="94" />
        <source>Average satisfaction</source>
        <translation>میانگین رضایت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="132" />
        <source>Tickets</source>
        <translation>درخواست‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="135" />
        <source>Latest interactions</source>
        <translation>آخرین ارتباط‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="196" />
        <source>Tickets (%1)</source>
        <translation>درخواست‌ها (%1)</translation>
    </message>
</context>
<context>
    <name>CustomerTicketsModel</name>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="26" />
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="27" />
        <source>Opened</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="28" />
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="29" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
</context>
<context>
    <name>FailureBanner</name>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="27" />
        <source>The database cannot be reached: %1</source>
        <translation>به پایگاه داده دسترسی نیست: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="30" />
        <source>Something went wrong: %1</source>
        <translation>خطایی رخ داد: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="50" />
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="52" />
        <source>Dismiss</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message>
        <location filename="../../deskapp/ui/formatting.py" line="70" />
        <source>%1d %2h</source>
        <translation>%1 روز %2 ساعت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/formatting.py" line="76" />
        <source>%1h %2m</source>
        <translation>%1 ساعت %2 دقیقه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/formatting.py" line="81" />
        <source>%1m</source>
        <translation>%1 دقیقه</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="13" />
        <source>New</source>
        <translation>جدید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="14" />
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="15" />
        <source>Waiting on customer</source>
        <translation>در انتظار مشتری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="16" />
        <source>Waiting on third party</source>
        <translation>در انتظار طرف سوم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="17" />
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="18" />
        <source>Closed</source>
        <translation>بسته</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="19" />
        <source>Low</source>
        <translation>کم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="20" />
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="21" />
        <source>High</source>
        <translation>زیاد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="22" />
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="23" />
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="24" />
        <location filename="../../deskapp/ui/labels.py" line="38" />
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="25" />
        <location filename="../../deskapp/ui/labels.py" line="39" />
        <source>Chat</source>
        <translation>گفت‌وگو</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="26" />
        <location filename="../../deskapp/ui/labels.py" line="40" />
        <source>Social media</source>
        <translation>شبکه‌ی اجتماعی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="27" />
        <location filename="../../deskapp/ui/labels.py" line="41" />
        <source>Walk-in</source>
        <translation>مراجعه‌ی حضوری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="28" />
        <location filename="../../deskapp/ui/labels.py" line="42" />
        <source>Web form</source>
        <translation>فرم وب</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="29" />
        <source>Standard</source>
        <translation>عادی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="30" />
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="31" />
        <source>VIP</source>
        <translation>ویژه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="32" />
        <source>Agent</source>
        <translation>کارشناس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="33" />
        <source>Specialist</source>
        <translation>کارشناس ارشد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="34" />
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="35" />
        <source>Manager</source>
        <translation>مدیر</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="36" />
        <source>Administrator</source>
        <translation>مدیر سیستم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="37" />
        <source>Call</source>
        <translation>تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="43" />
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/labels.py" line="44" />
        <source>Internal note</source>
        <translation>یادداشت داخلی</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="64" />
        <source>Log a call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="89" />
        <source>Caller</source>
        <translation>تماس‌گیرنده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="92" />
        <source>Phone number, name or email…</source>
        <translation>شماره تلفن، نام یا ایمیل…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="108" />
        <source>New customer</source>
        <translation>مشتری جدید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="116" />
        <source>one or more, separated by commas</source>
        <translation>یک یا چند شماره، جدا شده با ویرگول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="122" />
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="123" />
        <source>Phones:</source>
        <translation>تلفن‌ها:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="124" />
        <source>Email:</source>
        <translation>ایمیل:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="125" />
        <source>Segment:</source>
        <translation>گروه مشتری:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="127" />
        <source>Ticket</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="137" />
        <source>Resolved on this call</source>
        <translation>در همین تماس حل شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="140" />
        <source>Channel:</source>
        <translation>کانال:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="141" />
        <source>Category:</source>
        <translation>دسته:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="142" />
        <source>Priority:</source>
        <translation>اولویت:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="143" />
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="144" />
        <source>Notes:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="152" />
        <source>Create ticket</source>
        <translation>ثبت درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="186" />
        <source>Searching…</source>
        <translation>در حال جست‌وجو…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="199" />
        <source>has a warning note</source>
        <translation>هشدار دارد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="204" />
        <source>Pick the caller, or tick New customer.</source>
        <translation>تماس‌گیرنده را انتخاب کنید یا «مشتری جدید» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="206" />
        <source>No customer found; tick New customer below.</source>
        <translation>مشتری‌ای پیدا نشد؛ «مشتری جدید» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="215" />
        <source>Caller: %1</source>
        <translation>تماس‌گیرنده: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="38" />
        <source>Log in to deskapp</source>
        <translation>ورود به deskapp</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="45" />
        <source>Database: %1</source>
        <translation>پایگاه داده: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="67" />
        <source>Log in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="70" />
        <source>&amp;Username:</source>
        <translation>&amp;نام کاربری:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="71" />
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="94" />
        <source>Enter your username.</source>
        <translation>نام کاربری را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="115" />
        <source>Wrong username or password; try again.</source>
        <translation>نام کاربری یا گذرواژه نادرست است؛ دوباره تلاش کنید.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="68" />
        <source>deskapp — %1 (%2)</source>
        <translation>deskapp — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="88" />
        <source>Workstation</source>
        <translation>میز کار</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="100" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="101" />
        <source>&amp;Ticket</source>
        <translation>&amp;درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="102" />
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="103" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="211" />
        <source>About deskapp</source>
        <translation>درباره‌ی deskapp</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="212" />
        <source>deskapp %1 — support-desk workstation.
Database: %2</source>
        <translation>deskapp %1 — میز کار پشتیبانی.
پایگاه داده: %2</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="230" />
        <source>%1 tickets in view</source>
        <translation>%1 درخواست در این نما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="257" />
        <source>Working…</source>
        <translation>در حال کار…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/shortcuts_dialog.py" line="25" />
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/shortcuts_dialog.py" line="29" />
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/shortcuts_dialog.py" line="29" />
        <source>Shortcut</source>
        <translation>میان‌بر</translation>
    </message>
</context>
<context>
    <name>SlaClockLabel</name>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="26" />
        <source>%1: no target</source>
        <translation>%1: بدون هدف</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="28" />
        <source>%1: done %2</source>
        <translation>%1: انجام شد %2</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="30" />
        <source>%1: paused (%2 left)</source>
        <translation>%1: متوقف (%2 مانده)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="36" />
        <source>%1: breached %2 ago (due %3)</source>
        <translation>%1: %2 از موعد گذشته (موعد %3)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="44" />
        <source>%1: %2 left (due %3)</source>
        <translation>%1: %2 مانده (موعد %3)</translation>
    </message>
</context>
<context>
    <name>StartupFlow</name>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="59" />
        <source>Opening the database…</source>
        <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="65" />
        <source>Creating demo data for this workstation…</source>
        <translation>در حال ساختن داده‌ی نمایشی برای این میز کار…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="80" />
        <source>Demo logins (user / password): %1</source>
        <translation>ورود نمایشی (کاربر / گذرواژه): %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="106" />
        <source>deskapp cannot start</source>
        <translation>deskapp اجرا نشد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="113" />
        <source>deskapp</source>
        <translation>deskapp</translation>
    </message>
</context>
<context>
    <name>StatusControls</name>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="26" />
        <source>Move to:</source>
        <translation>انتقال به:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="31" />
        <source>Satisfaction:</source>
        <translation>رضایت:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="34" />
        <source>not asked</source>
        <translation>پرسیده نشد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="37" />
        <source>Record</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="50" />
        <source>Resolve</source>
        <translation>حل شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="52" />
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
</context>
<context>
    <name>TicketDetailView</name>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="71" />
        <source>Select a ticket in the queue, or log a call (Ctrl+N).</source>
        <translation>درخواستی را از صف انتخاب کنید یا تماسی ثبت کنید (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="76" />
        <source>Reload</source>
        <translation>بارگذاری دوباره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="254" />
        <source>someone else</source>
        <translation>کاربر دیگری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="257" />
        <source>%1 was changed by %2 (%3) after you opened it. Reload to see the change; what you typed is kept.</source>
        <translation>%1 پس از باز کردن شما توسط %2 (%3) تغییر کرد. برای دیدن تغییر دوباره بارگذاری کنید؛ آنچه نوشته‌اید حفظ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="266" />
        <source>Not saved; what you typed is kept.</source>
        <translation>ذخیره نشد؛ آنچه نوشته‌اید حفظ شده است.</translation>
    </message>
</context>
<context>
    <name>TicketHeader</name>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="68" />
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="69" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="70" />
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="71" />
        <source>Assignee</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="72" />
        <source>Team</source>
        <translation>تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="73" />
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="108" />
        <source>unassigned</source>
        <translation>بدون مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="117" />
        <source>First response</source>
        <translation>اولین پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="125" />
        <source>Resolution</source>
        <translation>حل</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../deskapp/ui/ticket/timeline.py" line="68" />
        <source>deskapp</source>
        <translation>deskapp</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/timeline.py" line="70" />
        <source>internal note</source>
        <translation>یادداشت داخلی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/timeline.py" line="72" />
        <source>%1 from the customer</source>
        <translation>%1 از مشتری</translation>
    </message>
</context>
</TS>