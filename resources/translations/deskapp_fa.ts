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
        <location filename="../../deskapp/ui/actions.py" line="46" />
        <source>Next ticket</source>
        <translation>درخواست بعدی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="48" />
        <source>Previous ticket</source>
        <translation>درخواست قبلی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="50" />
        <source>Search tickets</source>
        <translation>جست‌وجوی درخواست‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="52" />
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="54" />
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/actions.py" line="56" />
        <source>About deskapp</source>
        <translation>درباره‌ی deskapp</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="27" />
        <source>Goodwill credit</source>
        <translation>اعتبار جبرانی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="28" />
        <source>Warranty decision</source>
        <translation>تصمیم گارانتی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="43" />
        <source>Approve or reject — %1</source>
        <translation>تأیید یا رد — %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="52" />
        <source>Ticket:</source>
        <translation>درخواست:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="54" />
        <source>Decision:</source>
        <translation>تصمیم:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="57" />
        <source>Amount:</source>
        <translation>مبلغ:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="58" />
        <source>Requested by:</source>
        <translation>درخواست‌کننده:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="61" />
        <source>Their note:</source>
        <translation>یادداشت درخواست‌کننده:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="64" />
        <source>Required when rejecting</source>
        <translation>هنگام رد کردن الزامی است</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="65" />
        <source>Your note:</source>
        <translation>یادداشت شما:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="68" />
        <source>Approve</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/approval_dialog.py" line="70" />
        <source>Reject</source>
        <translation>رد</translation>
    </message>
</context>
<context>
    <name>ApprovalInbox</name>
    <message>
        <location filename="../../deskapp/ui/supervisor/approval_inbox.py" line="43" />
        <source>Decide…</source>
        <translation>تصمیم‌گیری…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/approval_inbox.py" line="68" />
        <source>%1 · %2 of %3 · requested by %4: %5</source>
        <translation>‏%1 · %2 به مبلغ %3 · درخواست‌کننده %4: %5</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/approval_inbox.py" line="74" />
        <source>%1 waiting</source>
        <translation>%1 در انتظار</translation>
    </message>
</context>
<context>
    <name>BulkReassignDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="57" />
        <source>Reassign tickets</source>
        <translation>واگذاری دوباره‌ی درخواست‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="76" />
        <source>%1 tickets: %2</source>
        <translation>%1 درخواست: %2</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="80" />
        <source>To an agent</source>
        <translation>به یک کارشناس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="82" />
        <source>To a team's queue</source>
        <translation>به صف یک تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="92" />
        <source>%1 (%2 open)</source>
        <translation>‏%1 (%2 باز)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="101" />
        <source>Why (required), e.g. Ali is on leave</source>
        <translation>دلیل (الزامی)، مثلاً علی در مرخصی است</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="111" />
        <source>Reason:</source>
        <translation>دلیل:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="116" />
        <source>Ticket</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="116" />
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="116" />
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="129" />
        <source>Reassign</source>
        <translation>واگذاری دوباره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="207" />
        <source>Reassigning…</source>
        <translation>در حال واگذاری دوباره…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="223" />
        <source>%1 moved, %2 could not be moved.</source>
        <translation>%1 منتقل شد، %2 منتقل نشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="226" />
        <source>Changed meanwhile</source>
        <translation>در این فاصله تغییر کرده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="227" />
        <source>Not allowed</source>
        <translation>مجاز نیست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="228" />
        <source>Not found</source>
        <translation>پیدا نشد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="229" />
        <source>Refused</source>
        <translation>رد شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="234" />
        <source>Moved</source>
        <translation>منتقل شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/bulk_reassign_dialog.py" line="243" />
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>CalendarsDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="71" />
        <source>Business calendars</source>
        <translation>تقویم‌های کاری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="85" />
        <source>Only managers edit business calendars.</source>
        <translation>فقط مدیران می‌توانند تقویم‌های کاری را ویرایش کنند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="97" />
        <source>New calendar</source>
        <translation>تقویم جدید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="101" />
        <source>From preset: %1</source>
        <translation>از الگوی آماده: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="130" />
        <source>Add change from this date</source>
        <translation>افزودن تغییر از این تاریخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="132" />
        <source>Remove this schedule</source>
        <translation>حذف این برنامه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="145" />
        <source>Add day</source>
        <translation>افزودن روز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="147" />
        <source>Remove day</source>
        <translation>حذف روز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="159" />
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="160" />
        <source>Time zone:</source>
        <translation>منطقه‌ی زمانی:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="161" />
        <source>Public holidays of:</source>
        <translation>تعطیلات رسمی کشور:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="162" />
        <source>Region:</source>
        <translation>استان / منطقه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="167" />
        <source>Weekly hours:</source>
        <translation>ساعات کاری هفته:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="171" />
        <source>Own days:</source>
        <translation>روزهای خاص:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="180" />
        <source>Save calendar</source>
        <translation>ذخیره‌ی تقویم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="208" />
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="247" />
        <source>no policy yet</source>
        <translation>هنوز در هیچ سیاستی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="248" />
        <source>Used by: %1</source>
        <translation>استفاده در: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="262" />
        <source>A new calendar: save it, then choose it in a policy.</source>
        <translation>تقویم جدید: ابتدا ذخیره‌اش کنید، سپس آن را در یک سیاست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="281" />
        <source>Always (the first schedule)</source>
        <translation>همیشه (نخستین برنامه)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="282" />
        <source>From %1</source>
        <translation>از %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="369" />
        <source>Saving… (open tickets' due times are recomputed)</source>
        <translation>در حال ذخیره… (موعد درخواست‌های باز دوباره محاسبه می‌شود)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendars_dialog.py" line="374" />
        <source>Saved “%1”.</source>
        <translation>‏«%1» ذخیره شد.</translation>
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
        <location filename="../../deskapp/ui/ticket/composer.py" line="48" />
        <source>&amp;Reply</source>
        <translation>&amp;پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="49" />
        <source>Internal &amp;note</source>
        <translation>یادداشت &amp;داخلی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="50" />
        <source>Follow-up &amp;call</source>
        <translation>تماس &amp;پیگیری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="66" />
        <source>Reply channel</source>
        <translation>کانال پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="70" />
        <source>Canned response…</source>
        <translation>پاسخ آماده…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="78" />
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="113" />
        <source>The customer has no contact details for this channel</source>
        <translation>مشتری برای این کانال اطلاعات تماس ندارد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="138" />
        <source>Sending…</source>
        <translation>در حال ارسال…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="145" />
        <source>Write a reply to the customer…</source>
        <translation>پاسخی برای مشتری بنویسید…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="146" />
        <source>Internal note: only staff see it…</source>
        <translation>یادداشت داخلی: فقط کارکنان می‌بینند…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="147" />
        <source>What was said on the follow-up call…</source>
        <translation>در تماس پیگیری چه گفته شد…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="155" />
        <source>Send reply</source>
        <translation>ارسال پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="156" />
        <source>Add note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="157" />
        <source>Log call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/composer.py" line="166" />
        <source>Type something first.</source>
        <translation>ابتدا چیزی بنویسید.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="67" />
        <source>Database connection</source>
        <translation>اتصال به پایگاه داده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="84" />
        <source>&amp;Local database on this computer</source>
        <translation>پایگاه داده‌ی &amp;محلی روی این رایانه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="86" />
        <source>&amp;Shared database (PostgreSQL)</source>
        <translation>پایگاه داده‌ی &amp;اشتراکی (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="95" />
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="102" />
        <source>Database &amp;file:</source>
        <translation>&amp;پرونده‌ی پایگاه داده:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="131" />
        <source>&amp;Host:</source>
        <translation>&amp;میزبان:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="132" />
        <source>P&amp;ort:</source>
        <translation>&amp;درگاه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="133" />
        <source>&amp;Database:</source>
        <translation>پایگاه &amp;داده:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="134" />
        <source>&amp;User:</source>
        <translation>&amp;کاربر:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="135" />
        <source>Pass&amp;word:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="136" />
        <source>SSL &amp;mode:</source>
        <translation>&amp;حالت SSL:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="149" />
        <source>Use this connection from now on</source>
        <translation>از این پس از این اتصال استفاده شود</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="159" />
        <source>&amp;Test connection</source>
        <translation>&amp;آزمایش اتصال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="167" />
        <source>&amp;Profile:</source>
        <translation>&amp;نمایه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="168" />
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="196" />
        <source>New profile…</source>
        <translation>نمایه‌ی جدید…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="269" />
        <source>The password is kept in this computer's keyring, never in a file.</source>
        <translation>گذرواژه در مخزن امن گذرواژه‌های این رایانه نگه داشته می‌شود، هرگز در پرونده.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="273" />
        <source>stored in the keyring — type to change</source>
        <translation>در مخزن امن ذخیره شده — برای تغییر بنویسید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="278" />
        <source>No keyring on this system — the password is kept for this session only and asked again next time.</source>
        <translation>این سیستم مخزن امن گذرواژه ندارد — گذرواژه فقط برای همین نشست نگه داشته می‌شود و دفعه‌ی بعد دوباره پرسیده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="284" />
        <source>entered this session — type to change</source>
        <translation>در همین نشست وارد شده — برای تغییر بنویسید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="300" />
        <source>Database file</source>
        <translation>پرونده‌ی پایگاه داده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="301" />
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>پایگاه‌های داده‌ی SQLite (*.sqlite3 *.sqlite *.db);;همه‌ی پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="320" />
        <source>Testing the connection…</source>
        <translation>در حال آزمایش اتصال…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="332" />
        <source>Connection failed: %1</source>
        <translation>اتصال برقرار نشد: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="337" />
        <source>Connected to %1.</source>
        <translation>به %1 وصل شد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="347" />
        <source>The test could not run: %1</source>
        <translation>آزمایش انجام نشد: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/connection_dialog.py" line="355" />
        <source>'local' is the built-in local database; choose another name.</source>
        <translation>«local» نام پایگاه داده‌ی محلی داخلی است؛ نام دیگری انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>CustomDaysTable</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendar_parts.py" line="131" />
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendar_parts.py" line="131" />
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendar_parts.py" line="131" />
        <source>Hours (empty: closed)</source>
        <translation>ساعت‌ها (خالی: تعطیل)</translation>
    </message>
</context>
<context>
    <name>CustomerHistoryPane</name>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="66" />
        <source>The caller's history shows here.</source>
        <translation>سابقه‌ی تماس‌گیرنده اینجا نمایش داده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="93" />
        <source>Phones:</source>
        <translation>تلفن‌ها:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="94" />
        <source>Email:</source>
        <translation>ایمیل:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="95" />
        <source>Organisation:</source>
        <translation>سازمان:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="99" />
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="100" />
        <source>Last 90 days</source>
        <translation>۹۰ روز اخیر</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="101" />
        <source>First-contact resolution</source>
        <translation>حل در اولین تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="102" />
        <source>Average satisfaction</source>
        <translation>میانگین رضایت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="157" />
        <source>Tickets</source>
        <translation>درخواست‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="160" />
        <source>Latest interactions</source>
        <translation>آخرین ارتباط‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="189" />
        <source>Click a number to call it</source>
        <translation>برای تماس روی شماره کلیک کنید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_pane.py" line="246" />
        <source>Tickets (%1)</source>
        <translation>درخواست‌ها (%1)</translation>
    </message>
</context>
<context>
    <name>CustomerTicketsModel</name>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="41" />
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="42" />
        <source>Opened</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="43" />
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/customer/history_model.py" line="44" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
</context>
<context>
    <name>DataVersionWatcher</name>
    <message>
        <location filename="../../deskapp/ui/live/sqlite_watcher.py" line="94" />
        <source>The database file cannot be read — retrying…</source>
        <translation>پرونده‌ی پایگاه داده خوانده نمی‌شود — در حال تلاش دوباره…</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="40" />
        <source>Goodwill credit or warranty — %1</source>
        <translation>اعتبار جبرانی یا گارانتی — %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="66" />
        <source>Decision:</source>
        <translation>تصمیم:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="67" />
        <source>Amount:</source>
        <translation>مبلغ:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="69" />
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="74" />
        <source>Record</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="90" />
        <source>You may grant up to %1 yourself; above that a supervisor approves.</source>
        <translation>تا سقف %1 را خودتان می‌توانید اعطا کنید؛ بیش از آن با تأیید سرپرست است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="92" />
        <source>No limit applies to you.</source>
        <translation>برای شما سقفی تعیین نشده است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="120" />
        <source>Recorded on the ticket.</source>
        <translation>در درخواست ثبت شد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="121" />
        <source>Above your authority: sent to a supervisor for approval.</source>
        <translation>بیش از حد اختیار شما: برای تأیید به سرپرست فرستاده شد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/decision_dialog.py" line="125" />
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>DeescalateDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/deescalate_dialog.py" line="31" />
        <source>Return %1 to tier 1</source>
        <translation>بازگرداندن %1 به سطح ۱</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/deescalate_dialog.py" line="37" />
        <source>The ticket goes back to the team (and the agent) it was escalated from. Say what was done and what is left.</source>
        <translation>درخواست به تیم (و کارشناسی) که از آن ارجاع شده بود بازمی‌گردد. بنویسید چه کاری انجام شد و چه کاری مانده است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/deescalate_dialog.py" line="47" />
        <source>Return to tier 1</source>
        <translation>بازگرداندن به سطح ۱</translation>
    </message>
</context>
<context>
    <name>DurationEdit</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="52" />
        <source> h</source>
        <translation> ساعت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="55" />
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
</context>
<context>
    <name>ErrorActions</name>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="241" />
        <source>log calls</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="242" />
        <source>work on tickets</source>
        <translation>کار روی درخواست‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="243" />
        <source>view customers</source>
        <translation>دیدن مشتریان</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="244" />
        <source>edit customers</source>
        <translation>ویرایش مشتریان</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="245" />
        <source>reassign other people's tickets</source>
        <translation>واگذاری درخواست‌های دیگران</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="246" />
        <source>work on any ticket</source>
        <translation>کار روی هر درخواستی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="247" />
        <source>take hierarchical escalations</source>
        <translation>پذیرفتن ارجاع سلسله‌مراتبی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="248" />
        <source>approve</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="249" />
        <source>view team workload</source>
        <translation>دیدن بار کاری تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="250" />
        <source>view reports</source>
        <translation>دیدن گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="251" />
        <source>manage SLA policies</source>
        <translation>مدیریت سیاست‌های توافق سطح خدمت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="252" />
        <source>manage teams</source>
        <translation>مدیریت تیم‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="253" />
        <source>manage canned responses</source>
        <translation>مدیریت پاسخ‌های آماده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="254" />
        <source>manage users</source>
        <translation>مدیریت کاربران</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="255" />
        <source>manage sites</source>
        <translation>مدیریت شعبه‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="256" />
        <source>manage connections</source>
        <translation>مدیریت اتصال‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="257" />
        <source>import data</source>
        <translation>درون‌ریزی داده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="258" />
        <source>merge records</source>
        <translation>ادغام رکوردها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="259" />
        <source>view the audit log</source>
        <translation>دیدن گزارش رویدادها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="260" />
        <source>edit the escalation reasons</source>
        <translation>ویرایش دلیل‌های ارجاع</translation>
    </message>
</context>
<context>
    <name>ErrorFields</name>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="214" />
        <source>Body</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="215" />
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="216" />
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="217" />
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="218" />
        <source>Direction</source>
        <translation>جهت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="219" />
        <source>Display name</source>
        <translation>نام نمایشی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="220" />
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="221" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="222" />
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="223" />
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="224" />
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="225" />
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="226" />
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="227" />
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="228" />
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="229" />
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="230" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="231" />
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="232" />
        <source>Team name</source>
        <translation>نام تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="233" />
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="234" />
        <source>View name</source>
        <translation>نام نما</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="35" />
        <source>{field} is required.</source>
        <translation>{field} لازم است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="36" />
        <source>{field} is {length} characters long; the limit is {limit}.</source>
        <translation>{field} {length} نویسه است؛ حداکثر {limit} نویسه مجاز است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="38" />
        <source>{field} has a value of the wrong kind.</source>
        <translation>نوع مقدار {field} نادرست است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="39" />
        <source>{field} contains a control character at position {position}; remove it.</source>
        <translation>{field} در جایگاه {position} یک نویسه‌ی کنترلی دارد؛ آن را حذف کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="42" />
        <source>{field} must be between {low} and {high}.</source>
        <translation>{field} باید بین {low} و {high} باشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="44" />
        <source>{field} is not an email address.</source>
        <translation>{field} نشانی رایانامه نیست.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="45" />
        <source>Choose one of the offered {field}.</source>
        <translation>یکی از گزینه‌های {field} را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="54" />
        <source>{value} is not a phone number: a number here has {min} to {max} digits.</source>
        <translation>{value} شماره‌ی تلفن نیست: شماره‌ی تلفن اینجا {min} تا {max} رقم دارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="56" />
        <source>The password must have at least {min} characters.</source>
        <translation>گذرواژه باید دست‌کم {min} نویسه داشته باشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="58" />
        <source>The password is longer than {max} characters.</source>
        <translation>گذرواژه بیش از {max} نویسه است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="60" />
        <source>The new password must differ from the temporary one.</source>
        <translation>گذرواژه‌ی تازه باید با گذرواژه‌ی موقت فرق داشته باشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="62" />
        <source>The tier must be 1, 2 or 3.</source>
        <translation>سطح باید ۱، ۲ یا ۳ باشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="64" />
        <source>You ({role}) may not {action}.</source>
        <translation>شما ({role}) اجازه‌ی {action} ندارید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="65" />
        <source>{reference} belongs to another agent or team; you may not work on it.</source>
        <translation>{reference} متعلق به کارشناس یا تیم دیگری است؛ نمی‌توانید روی آن کار کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="67" />
        <source>You may take tickets from the pool or hand back your own; ask a supervisor to move other work.</source>
        <translation>می‌توانید درخواستی را از صف مشترک بردارید یا درخواست خود را بازگردانید؛ برای جابه‌جایی کارهای دیگر از سرپرست بخواهید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="72" />
        <source>{reference} is {status}; it cannot become {to}.</source>
        <translation>{reference} در وضعیت «{status}» است؛ نمی‌تواند «{to}» شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="75" />
        <source>{what} was changed by {changed_by}; reload it to see the change.</source>
        <translation>{what} را {changed_by} تغییر داده است؛ برای دیدن تغییر دوباره بارگذاری کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="78" />
        <source>Wrong user name or password.</source>
        <translation>نام کاربری یا گذرواژه نادرست است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="79" />
        <source>The account {username} is disabled; ask an administrator.</source>
        <translation>حساب {username} غیرفعال است؛ از مدیر سامانه بپرسید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="81" />
        <source>Too many failed logins: locked for {minutes} more minute(s); an administrator can unlock it.</source>
        <translation>ورودهای ناموفق بسیار: تا {minutes} دقیقه‌ی دیگر قفل است؛ مدیر سامانه می‌تواند آن را باز کند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="84" />
        <source>Too many failed logins: wait {seconds} second(s) and try again.</source>
        <translation>ورودهای ناموفق بسیار: {seconds} ثانیه صبر کنید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="86" />
        <source>The password of {username} was reset; choose a new one to log in.</source>
        <translation>گذرواژه‌ی {username} بازنشانی شده است؛ برای ورود گذرواژه‌ی تازه‌ای برگزینید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="89" />
        <source>That ticket does not exist (any more).</source>
        <translation>این درخواست (دیگر) وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="90" />
        <source>{reference} belongs to another team; you may not read it.</source>
        <translation>{reference} متعلق به تیم دیگری است؛ نمی‌توانید آن را ببینید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="92" />
        <source>There is no ticket {reference}.</source>
        <translation>درخواستی با شماره‌ی {reference} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="93" />
        <source>Choose an existing customer or enter a new one.</source>
        <translation>مشتری موجودی را انتخاب کنید یا مشتری تازه‌ای وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="95" />
        <source>A note is internal; it has no direction.</source>
        <translation>یادداشت داخلی است؛ جهت ندارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="97" />
        <source>That message was already stored with another ticket.</source>
        <translation>این پیام پیش‌تر در درخواست دیگری ذخیره شده است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="99" />
        <source>Satisfaction is recorded when resolving.</source>
        <translation>رضایت هنگام حل ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="101" />
        <source>{reference} is not resolved; satisfaction is recorded after resolution.</source>
        <translation>{reference} حل نشده است؛ رضایت پس از حل ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="103" />
        <source>Satisfaction must be 1 to 5.</source>
        <translation>رضایت باید از ۱ تا ۵ باشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="104" />
        <source>That person does not exist or is disabled.</source>
        <translation>این شخص وجود ندارد یا غیرفعال است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="106" />
        <source>That team no longer exists; it may have been removed on another workstation.</source>
        <translation>این تیم دیگر وجود ندارد؛ شاید در ایستگاه کاری دیگری حذف شده است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="107" />
        <source>That customer does not exist (any more).</source>
        <translation>این مشتری (دیگر) وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="109" />
        <source>That answer was retired or deleted meanwhile.</source>
        <translation>این پاسخ در این میان بایگانی یا حذف شده است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="112" />
        <source>{reference} is already with that team; choose another team.</source>
        <translation>{reference} هم‌اکنون نزد همین تیم است؛ تیم دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="114" />
        <source>Choose a supervisor or a higher-tier team to escalate to.</source>
        <translation>سرپرست یا تیمی در سطح بالاتر برای ارجاع انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="116" />
        <source>You cannot escalate a ticket to yourself.</source>
        <translation>نمی‌توانید درخواستی را به خودتان ارجاع دهید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="118" />
        <source>{name} is {role}; hierarchical escalations go to a supervisor or a manager.</source>
        <translation>{name} «{role}» است؛ ارجاع سلسله‌مراتبی به سرپرست یا مدیر می‌رود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="121" />
        <source>{team} is tier {tier}; escalating up needs a team above tier {needed}. To hand the ticket to a team at the same tier, escalate functionally.</source>
        <translation>{team} در سطح {tier} است؛ ارجاع به بالا به تیمی بالاتر از سطح {needed} نیاز دارد. برای سپردن درخواست به تیمی هم‌سطح، ارجاع تخصصی بدهید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="125" />
        <source>{reference} is not escalated; nothing to return.</source>
        <translation>{reference} ارجاع نشده است؛ چیزی برای بازگرداندن نیست.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="127" />
        <source>{reference} is {status}; reopen it before escalating.</source>
        <translation>{reference} در وضعیت «{status}» است؛ پیش از ارجاع آن را بازگشایی کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="129" />
        <source>That escalation does not exist.</source>
        <translation>این ارجاع وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="130" />
        <source>Only the receiver of the escalation of {reference} or their supervisor may acknowledge it.</source>
        <translation>تنها گیرنده‌ی ارجاع {reference} یا سرپرست او می‌تواند آن را تأیید کند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="134" />
        <source>The escalation of {reference} was already acknowledged by {by}.</source>
        <translation>ارجاع {reference} را پیش‌تر {by} تأیید کرده است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="136" />
        <source>Choose a reason for the escalation.</source>
        <translation>دلیلی برای ارجاع انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="138" />
        <source>That is not one of the desk's escalation reasons; choose one from the list.</source>
        <translation>این یکی از دلیل‌های ارجاع این میز نیست؛ یکی را از فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="140" />
        <source>The reason needs a code of letters or digits.</source>
        <translation>دلیل به کدی از حروف یا رقم‌ها نیاز دارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="142" />
        <source>A reason with code {reason} already exists.</source>
        <translation>دلیلی با کد {reason} از پیش وجود دارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="144" />
        <source>That escalation reason does not exist (any more).</source>
        <translation>این دلیل ارجاع (دیگر) وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="147" />
        <source>Select at least one ticket to reassign.</source>
        <translation>دست‌کم یک درخواست برای واگذاری دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="149" />
        <source>{count} tickets selected; move at most {limit} at once.</source>
        <translation>{count} درخواست انتخاب شده است؛ هر بار حداکثر {limit} درخواست را جابه‌جا کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="151" />
        <source>Choose an agent or a team to move the tickets to.</source>
        <translation>کارشناس یا تیمی برای جابه‌جایی درخواست‌ها انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="153" />
        <source>Only a signed-in person can save views.</source>
        <translation>تنها کاربر واردشده می‌تواند نما ذخیره کند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="155" />
        <source>Choose at least one filter to save as a view.</source>
        <translation>دست‌کم یک فیلتر برای ذخیره به‌صورت نما انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/error_text.py" line="157" />
        <source>That view does not exist (any more).</source>
        <translation>این نما (دیگر) وجود ندارد.</translation>
    </message>
    </context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="62" />
        <source>Escalate %1</source>
        <translation>ارجاع %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="87" />
        <source>To another team (functional)</source>
        <translation>به تیمی دیگر (ارجاع تخصصی)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="89" />
        <source>Up the hierarchy (supervisor or next tier)</source>
        <translation>به سطح بالاتر (سرپرست یا سطح بعدی)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="100" />
        <source>Filter by skill or team name…</source>
        <translation>فیلتر بر اساس مهارت یا نام تیم…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="121" />
        <source>Choose a reason…</source>
        <translation>دلیلی انتخاب کنید…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="124" />
        <source>What has been tried, what the customer needs…</source>
        <translation>چه اقداماتی انجام شده و مشتری به چه نیاز دارد…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="125" />
        <source>Keep me informed about this ticket</source>
        <translation>مرا از روند این درخواست باخبر کن</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="128" />
        <source>Reason:</source>
        <translation>دلیل:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="129" />
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="140" />
        <source>Escalate</source>
        <translation>ارجاع</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="168" />
        <source>Loading teams…</source>
        <translation>در حال بارگذاری تیم‌ها…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="200" />
        <source>no skills listed</source>
        <translation>مهارتی ثبت نشده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="209" />
        <source>No other team matches.</source>
        <translation>تیم دیگری با این مشخصات پیدا نشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="240" />
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="240" />
        <source>Next tier</source>
        <translation>سطح بعدی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="244" />
        <source>Nobody above this ticket's team.</source>
        <translation>بالاتر از تیم این درخواست کسی نیست.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/escalate_dialog.py" line="313" />
        <source>Escalating…</source>
        <translation>در حال ارجاع…</translation>
    </message>
</context>
<context>
    <name>EscalationHistoryWidget</name>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="52" />
        <source>Acknowledge</source>
        <translation>تأیید دریافت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="54" />
        <source>Return to tier 1…</source>
        <translation>بازگرداندن به سطح ۱…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="65" />
        <source>&lt;b&gt;Escalations&lt;/b&gt;</source>
        <translation>&lt;b&gt;ارجاع‌ها&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="95" />
        <source>Never escalated.</source>
        <translation>تاکنون ارجاع نشده است.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="103" />
        <source>Returned to tier 1</source>
        <translation>بازگردانده‌شده به سطح ۱</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="105" />
        <source>Functional escalation</source>
        <translation>ارجاع تخصصی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="107" />
        <source>Hierarchical escalation</source>
        <translation>ارجاع سلسله‌مراتبی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="108" />
        <source>automatic (SLA)</source>
        <translation>خودکار (توافق سطح خدمت)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="113" />
        <source>SLA breached: %1</source>
        <translation>موعد %1 گذشت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="115" />
        <source>The %1 target (%2) passed; escalated automatically.</source>
        <translation>موعد %1 (%2) گذشت؛ به‌طور خودکار ارجاع شد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="118" />
        <source>%1 · %2 by %3 to %4 — %5</source>
        <translation>%1 · %2 توسط %3 به %4 — %5</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="123" />
        <source>Acknowledged by %1</source>
        <translation>دریافت توسط %1 تأیید شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/escalation_history.py" line="126" />
        <source>Not acknowledged yet</source>
        <translation>هنوز تأیید نشده</translation>
    </message>
</context>
<context>
    <name>EscalationWiring</name>
    <message>
        <location filename="../../deskapp/ui/escalation_wiring.py" line="44" />
        <source>Goodwill credit or warranty…</source>
        <translation>اعتبار جبرانی یا گارانتی…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/escalation_wiring.py" line="64" />
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
</context>
<context>
    <name>FailureBanner</name>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="30" />
        <source>The database cannot be reached: %1</source>
        <translation>به پایگاه داده دسترسی نیست: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="33" />
        <source>Something went wrong: %1</source>
        <translation>خطایی رخ داد: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="76" />
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="78" />
        <source>Dismiss</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/banner.py" line="116" />
        <source>The connection is back. Retry sends what was not saved.</source>
        <translation>اتصال برقرار شد. «تلاش دوباره» آنچه ذخیره نشده بود را می‌فرستد.</translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message>
        <location filename="../../deskapp/ui/formatting.py" line="77" />
        <source>%1d %2h</source>
        <translation>%1 روز %2 ساعت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/formatting.py" line="83" />
        <source>%1h %2m</source>
        <translation>%1 ساعت %2 دقیقه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/formatting.py" line="88" />
        <source>%1m</source>
        <translation>%1 دقیقه</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <location filename="../../deskapp/ui/notifications/freedesktop.py" line="70" />
        <source>Open ticket</source>
        <translation>باز کردن درخواست</translation>
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
    <name>LiveUpdates</name>
    <message>
        <location filename="../../deskapp/ui/live/wiring.py" line="149" />
        <source>someone else</source>
        <translation>کاربر دیگری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/live/wiring.py" line="164" />
        <source>%1 was changed by %2 on another workstation. Reload to see the change; what you typed is kept.</source>
        <translation>‏%1 توسط %2 در میز کار دیگری تغییر کرد. برای دیدن تغییر دوباره بارگذاری کنید؛ آنچه نوشته‌اید حفظ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/live/wiring.py" line="156" />
        <source>%1 was changed by %2 on another workstation; showing the latest.</source>
        <translation>‏%1 توسط %2 در میز کار دیگری تغییر کرد؛ آخرین نسخه نمایش داده می‌شود.</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="68" />
        <source>Log a call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="96" />
        <source>Caller</source>
        <translation>تماس‌گیرنده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="99" />
        <source>Phone number, name or email…</source>
        <translation>شماره تلفن، نام یا ایمیل…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="115" />
        <source>New customer</source>
        <translation>مشتری جدید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="123" />
        <source>one or more, separated by commas</source>
        <translation>یک یا چند شماره، جدا شده با ویرگول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="129" />
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="130" />
        <source>Phones:</source>
        <translation>تلفن‌ها:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="131" />
        <source>Email:</source>
        <translation>ایمیل:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="132" />
        <source>Segment:</source>
        <translation>گروه مشتری:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="134" />
        <source>Ticket</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="144" />
        <source>Resolved on this call</source>
        <translation>در همین تماس حل شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="147" />
        <source>Channel:</source>
        <translation>کانال:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="148" />
        <source>Category:</source>
        <translation>دسته:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="149" />
        <source>Priority:</source>
        <translation>اولویت:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="150" />
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="151" />
        <source>Notes:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="159" />
        <source>Create ticket</source>
        <translation>ثبت درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="235" />
        <source>Searching…</source>
        <translation>در حال جست‌وجو…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="248" />
        <source>has a warning note</source>
        <translation>هشدار دارد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="253" />
        <source>Pick the caller, or tick New customer.</source>
        <translation>تماس‌گیرنده را انتخاب کنید یا «مشتری جدید» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="255" />
        <source>No customer found; tick New customer below.</source>
        <translation>مشتری‌ای پیدا نشد؛ «مشتری جدید» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/log_call_dialog.py" line="270" />
        <source>Caller: %1</source>
        <translation>تماس‌گیرنده: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="39" />
        <source>Log in to deskapp</source>
        <translation>ورود به deskapp</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="46" />
        <source>Database: %1</source>
        <translation>پایگاه داده: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="68" />
        <source>Log in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="71" />
        <source>&amp;Username:</source>
        <translation>&amp;نام کاربری:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="72" />
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="97" />
        <source>Enter your username.</source>
        <translation>نام کاربری را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/login_dialog.py" line="121" />
        <source>Wrong username or password; try again.</source>
        <translation>نام کاربری یا گذرواژه نادرست است؛ دوباره تلاش کنید.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="75" />
        <source>deskapp — %1 (%2)</source>
        <translation>deskapp — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="99" />
        <source>Workstation</source>
        <translation>میز کار</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="112" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="113" />
        <source>&amp;Ticket</source>
        <translation>&amp;درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="114" />
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="115" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="252" />
        <source>About deskapp</source>
        <translation>درباره‌ی deskapp</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="253" />
        <source>deskapp %1 — support-desk workstation.
Database: %2</source>
        <translation>deskapp %1 — میز کار پشتیبانی.
پایگاه داده: %2</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="271" />
        <source>More than %1 tickets in view</source>
        <translation>بیش از %1 درخواست در این نما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="275" />
        <source>%1 tickets in view</source>
        <translation>%1 درخواست در این نما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/main_window.py" line="302" />
        <source>Working…</source>
        <translation>در حال کار…</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <location filename="../../deskapp/ui/notifications/centre.py" line="157" />
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n اعلان خوانده‌نشده</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/centre.py" line="157" />
        <source>No unread notifications</source>
        <translation>اعلان خوانده‌نشده‌ای نیست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/centre.py" line="159" />
        <source>Notifications</source>
        <translation>اعلان‌ها</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <location filename="../../deskapp/ui/notifications/centre.py" line="177" />
        <source>Notifications</source>
        <translation>اعلان‌ها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/centre.py" line="185" />
        <source>Mark as read</source>
        <translation>علامت‌گذاری به‌عنوان خوانده‌شده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/centre.py" line="187" />
        <source>Mark all as read</source>
        <translation>علامت‌گذاری همه به‌عنوان خوانده‌شده</translation>
    </message>
    </context>
<context>
    <name>NotificationWording</name>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="27" />
        <source>first response</source>
        <translation>نخستین پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="28" />
        <source>resolution</source>
        <translation>حل</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="34" />
        <source>%1: %2 of the %3 time used</source>
        <translation>%1: %2 از زمان %3 گذشته است</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="35" />
        <source>%1 — %2 due %3</source>
        <translation>%1 — موعد %2: %3</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="38" />
        <source>%1: %3 overdue</source>
        <translation>%1: موعد %3 گذشته است</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="39" />
        <source>%1 — %2 was due %3</source>
        <translation>%1 — موعد %2 %3 بود</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="42" />
        <source>%1 escalated to you</source>
        <translation>%1 به شما ارجاع شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="43" />
        <source>%1 — escalated by %2</source>
        <translation>%1 — ارجاع‌دهنده: %2</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="46" />
        <source>%1 returned to tier %2</source>
        <translation>%1 به سطح %2 بازگشت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="47" />
        <source>%1 — returned by %2</source>
        <translation>%1 — بازگرداننده: %2</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="50" />
        <source>%1 more notifications</source>
        <translation>%1 اعلان دیگر</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/notifications/wording.py" line="51" />
        <source>Open the notification centre to see them all.</source>
        <translation>برای دیدن همه، مرکز اعلان‌ها را باز کنید.</translation>
    </message>
</context>
<context>
    <name>PgListener</name>
    <message>
        <location filename="../../deskapp/ui/live/pg_listener.py" line="158" />
        <source>Connection lost — reconnecting…</source>
        <translation>اتصال قطع شد — در حال اتصال دوباره…</translation>
    </message>
</context>
<context>
    <name>QueueColumns</name>
    <message>
        <location filename="../../deskapp/ui/queue/columns.py" line="144" />
        <source>Default columns</source>
        <translation>ستون‌های پیش‌فرض</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="335" />
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="336" />
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="337" />
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="338" />
        <location filename="../../deskapp/ui/queue/model.py" line="662" />
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="339" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="340" />
        <source>Assignee</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="341" />
        <source>Team</source>
        <translation>تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="342" />
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="343" />
        <source>Age</source>
        <translation>عمر</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="344" />
        <source>SLA</source>
        <translation>توافق سطح خدمت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="430" />
        <source>Unassigned</source>
        <translation>بدون مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="448" />
        <source>No SLA clock running</source>
        <translation>ساعت توافق سطح خدمت فعال نیست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="450" />
        <source>First response due</source>
        <translation>موعد اولین پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="452" />
        <source>Resolution due</source>
        <translation>موعد حل</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="456" />
        <source>Escalated to you; not yet acknowledged</source>
        <translation>به شما ارجاع شده؛ هنوز تأیید نشده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="466" />
        <source>%1d %2h</source>
        <translation>%1 روز %2 ساعت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="468" />
        <source>%1h %2m</source>
        <translation>%1 ساعت %2 دقیقه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="469" />
        <source>%1m</source>
        <translation>%1 دقیقه</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="634" />
        <source>The ticket list could not be loaded: %1</source>
        <translation>فهرست درخواست‌ها بارگذاری نشد: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="645" />
        <source>New</source>
        <translation>جدید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="646" />
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="647" />
        <source>Waiting on customer</source>
        <translation>در انتظار مشتری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="648" />
        <source>Waiting on third party</source>
        <translation>در انتظار طرف سوم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="649" />
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="650" />
        <source>Closed</source>
        <translation>بسته</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="651" />
        <source>Low</source>
        <translation>کم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="652" />
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="653" />
        <source>High</source>
        <translation>زیاد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="654" />
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="655" />
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="656" />
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="657" />
        <source>Chat</source>
        <translation>گفت‌وگو</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="658" />
        <source>Social media</source>
        <translation>شبکه‌ی اجتماعی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="659" />
        <source>Walk-in</source>
        <translation>مراجعه‌ی حضوری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="660" />
        <source>Web form</source>
        <translation>فرم وب</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="661" />
        <source>Standard</source>
        <translation>عادی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/model.py" line="663" />
        <source>VIP</source>
        <translation>ویژه</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="125" />
        <source>Queue views</source>
        <translation>نماهای صف</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="130" />
        <source>Custom views</source>
        <translation>نماهای سفارشی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="137" />
        <source>Save view…</source>
        <translation>ذخیره‌ی نما…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="139" />
        <source>Save the filters and search as a custom view</source>
        <translation>ذخیره‌ی فیلترها و جست‌وجو به‌عنوان نمای سفارشی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="140" />
        <location filename="../../deskapp/ui/queue/panel.py" line="605" />
        <source>Delete view</source>
        <translation>حذف نما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="161" />
        <source>Search number, subject, conversation, customer, phone… (Ctrl+F)</source>
        <translation>جست‌وجوی شماره، موضوع، گفت‌وگو، مشتری، تلفن… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="166" />
        <source>Filters</source>
        <translation>فیلترها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="169" />
        <source>Any status</source>
        <translation>هر وضعیتی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="171" />
        <source>Any priority</source>
        <translation>هر اولویتی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="173" />
        <source>Any channel</source>
        <translation>هر کانالی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="175" />
        <source>Any team</source>
        <translation>هر تیمی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="177" />
        <source>Anyone</source>
        <translation>هر کسی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="177" />
        <location filename="../../deskapp/ui/queue/panel.py" line="257" />
        <source>Unassigned</source>
        <translation>بدون مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="179" />
        <source>Any segment</source>
        <translation>هر گروهی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="255" />
        <source>My open tickets</source>
        <translation>درخواست‌های باز من</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="256" />
        <source>My team</source>
        <translation>تیم من</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="258" />
        <source>Breaching soon</source>
        <translation>نزدیک به موعد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="259" />
        <source>Waiting on customer</source>
        <translation>در انتظار مشتری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="260" />
        <source>All open</source>
        <translation>همه‌ی باز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="261" />
        <source>Recently resolved</source>
        <translation>اخیراً حل‌شده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="262" />
        <source>Custom</source>
        <translation>سفارشی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="559" />
        <location filename="../../deskapp/ui/queue/panel.py" line="624" />
        <source>Custom view</source>
        <translation>نمای سفارشی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="578" />
        <location filename="../../deskapp/ui/queue/panel.py" line="584" />
        <source>Save view</source>
        <translation>ذخیره‌ی نما</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="579" />
        <source>Choose a filter or type a search first; the view saves them.</source>
        <translation>ابتدا فیلتری انتخاب کنید یا عبارتی جست‌وجو کنید؛ نما آن‌ها را ذخیره می‌کند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="584" />
        <source>Name of the view:</source>
        <translation>نام نما:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="606" />
        <source>Delete the view “%1”?</source>
        <translation>نمای «%1» حذف شود؟</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/queue/panel.py" line="624" />
        <source>The view was not saved: %1</source>
        <translation>نما ذخیره نشد: %1</translation>
    </message>
</context>
<context>
    <name>SchemaDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="36" />
        <source>The database needs attention</source>
        <translation>پایگاه داده نیاز به رسیدگی دارد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="43" />
        <source>Database: %1</source>
        <translation>پایگاه داده: %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="65" />
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="74" />
        <source>Administrator &amp;username:</source>
        <translation>&amp;نام کاربری مدیر سیستم:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="66" />
        <source>Administrator &amp;name:</source>
        <translation>نام &amp;مدیر سیستم:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="67" />
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="75" />
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="68" />
        <source>&amp;Repeat password:</source>
        <translation>&amp;تکرار گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="70" />
        <source>&amp;Create the database</source>
        <translation>&amp;ساختن پایگاه داده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="77" />
        <source>&amp;Upgrade the database</source>
        <translation>&amp;ارتقای پایگاه داده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="81" />
        <source>Choose another database…</source>
        <translation>انتخاب پایگاه داده‌ی دیگر…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="102" />
        <source>The database is empty. deskapp can create its tables in it, with a first administrator account who then adds the staff.</source>
        <translation>پایگاه داده خالی است. deskapp می‌تواند جدول‌های خود را در آن بسازد، همراه با نخستین حساب مدیر سیستم که سپس کارکنان را اضافه می‌کند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="107" />
        <source>The database schema (%1) is older than this deskapp (%2). Only an administrator may upgrade it: sign in below, or ask an administrator. Back up the database first; afterwards every workstation needs this version.</source>
        <translation>ساختار پایگاه داده (%1) از این نسخه‌ی deskapp (%2) قدیمی‌تر است. فقط مدیر سیستم می‌تواند آن را ارتقا دهد: در پایین وارد شوید یا از مدیر سیستم بخواهید. ابتدا از پایگاه داده نسخه‌ی پشتیبان بگیرید؛ پس از آن همه‌ی میزهای کار به این نسخه نیاز دارند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="113" />
        <source>The database was upgraded by a newer deskapp (schema %1); this deskapp knows only up to %2. Upgrade deskapp on this computer.</source>
        <translation>پایگاه داده با نسخه‌ی جدیدتری از deskapp ارتقا یافته است (ساختار %1)؛ این deskapp فقط تا %2 را می‌شناسد. deskapp را روی این رایانه به‌روز کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="117" />
        <source>That database holds tables that are not deskapp's. Choose another database.</source>
        <translation>این پایگاه داده جدول‌هایی دارد که متعلق به deskapp نیستند. پایگاه داده‌ی دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="125" />
        <source>Enter the administrator's username and password.</source>
        <translation>نام کاربری و گذرواژه‌ی مدیر سیستم را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/schema_dialog.py" line="130" />
        <source>The two passwords differ.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
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
        <location filename="../../deskapp/ui/ticket/header.py" line="41" />
        <source>due %1</source>
        <translation>موعد %1</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="43" />
        <source>at %1</source>
        <translation>در %1</translation>
    </message>
</context>
<context>
    <name>SlaDisplay</name>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="34" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="35" />
        <location filename="../../deskapp/ui/sla_display.py" line="36" />
        <source>%1 left</source>
        <translation>%1 مانده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="37" />
        <source>overdue %1</source>
        <translation>%1 گذشته از موعد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="38" />
        <source>paused, %1 left</source>
        <translation>متوقف، %1 مانده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="39" />
        <source>paused, overdue %1</source>
        <translation>متوقف، %1 گذشته از موعد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="40" />
        <source>met</source>
        <translation>رعایت شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="41" />
        <source>missed by %1</source>
        <translation>%1 دیرتر از موعد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="45" />
        <source>%1: no target</source>
        <translation>%1: بدون هدف</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="46" />
        <location filename="../../deskapp/ui/sla_display.py" line="47" />
        <source>%1: %2 left</source>
        <translation>%1: %2 مانده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="48" />
        <source>%1: overdue %2</source>
        <translation>%1: %2 گذشته از موعد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="49" />
        <source>%1: paused, %2 left</source>
        <translation>%1: متوقف، %2 مانده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="50" />
        <source>%1: paused, overdue %2</source>
        <translation>%1: متوقف، %2 گذشته از موعد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="51" />
        <source>%1: met</source>
        <translation>%1: انجام شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="52" />
        <source>%1: missed by %2</source>
        <translation>%1: %2 دیرتر از موعد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="56" />
        <source>No SLA</source>
        <translation>بدون توافق سطح خدمت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="57" />
        <source>On track</source>
        <translation>در مسیر</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="58" />
        <source>Warning</source>
        <translation>هشدار</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="59" />
        <source>Breached</source>
        <translation>از موعد گذشته</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="60" />
        <source>Paused</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="61" />
        <source>Paused, breached</source>
        <translation>متوقف، از موعد گذشته</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="62" />
        <source>Met</source>
        <translation>رعایت‌شده</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="63" />
        <source>Missed</source>
        <translation>از دست‌رفته</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_display.py" line="98" />
        <source>Warning (%1)</source>
        <translation>هشدار (%1)</translation>
    </message>
</context>
<context>
    <name>SlaPoliciesDialog</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="91" />
        <source>SLA policies</source>
        <translation>سیاست‌های توافق سطح خدمت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="102" />
        <source>Only managers edit SLA policies.</source>
        <translation>فقط مدیران می‌توانند سیاست‌های توافق سطح خدمت را ویرایش کنند.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="112" />
        <source>New policy</source>
        <translation>سیاست جدید</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="131" />
        <source>for example 75, 90</source>
        <translation>برای نمونه ۷۵، ۹۰</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="134" />
        <source>Default policy (when no other matches)</source>
        <translation>سیاست پیش‌فرض (وقتی هیچ سیاست دیگری منطبق نباشد)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="136" />
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="143" />
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="144" />
        <source>Priority:</source>
        <translation>اولویت:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="145" />
        <source>Customer segment:</source>
        <translation>گروه مشتری:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="146" />
        <source>Channel:</source>
        <translation>کانال:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="147" />
        <source>First response within:</source>
        <translation>اولین پاسخ ظرف:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="148" />
        <source>Resolution within:</source>
        <translation>حل ظرف:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="149" />
        <source>Warn at (% of target):</source>
        <translation>هشدار در (درصد از هدف):</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="150" />
        <source>Business calendar:</source>
        <translation>تقویم کاری:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="158" />
        <source>Targets count business time of the calendar. Leave a criterion at “Any” to match every value; the most specific policy wins.</source>
        <translation>اهداف بر پایه‌ی ساعات کاری تقویم شمرده می‌شوند. معیاری را روی «هر» بگذارید تا با همه‌ی مقدارها منطبق شود؛ دقیق‌ترین سیاست اعمال می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="170" />
        <source>Save policy</source>
        <translation>ذخیره‌ی سیاست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="186" />
        <source>Any</source>
        <translation>هر</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="200" />
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="235" />
        <source>(default)</source>
        <translation>(پیش‌فرض)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="237" />
        <source>(inactive)</source>
        <translation>(غیرفعال)</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="288" />
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/sla_policies_dialog.py" line="293" />
        <source>Saved “%1”.</source>
        <translation>‏«%1» ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>SlaSettingsWiring</name>
    <message>
        <location filename="../../deskapp/ui/sla_settings_wiring.py" line="29" />
        <source>SLA policies…</source>
        <translation>سیاست‌های توافق سطح خدمت…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_settings_wiring.py" line="31" />
        <source>Business calendars…</source>
        <translation>تقویم‌های کاری…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/sla_settings_wiring.py" line="34" />
        <source>&amp;Settings</source>
        <translation>&amp;تنظیمات</translation>
    </message>
</context>
<context>
    <name>StartupFlow</name>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="68" />
        <source>Opening the database…</source>
        <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="75" />
        <source>Creating demo data for this workstation…</source>
        <translation>در حال ساختن داده‌ی نمایشی برای این میز کار…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="121" />
        <source>Demo logins (user / password):</source>
        <translation>ورود نمایشی (کاربر / گذرواژه):</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="179" />
        <source>deskapp cannot start</source>
        <translation>deskapp اجرا نشد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/startup.py" line="190" />
        <source>deskapp</source>
        <translation>deskapp</translation>
    </message>
</context>
<context>
    <name>StatusControls</name>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="27" />
        <source>Move to:</source>
        <translation>انتقال به:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="35" />
        <source>Satisfaction:</source>
        <translation>رضایت:</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="38" />
        <source>not asked</source>
        <translation>پرسیده نشد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="41" />
        <source>Record</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="55" />
        <source>Resolve</source>
        <translation>حل شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/status_controls.py" line="57" />
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
</context>
<context>
    <name>SupervisorModels</name>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="41" />
        <source>Available</source>
        <translation>در دسترس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="42" />
        <source>Away</source>
        <translation>غایب</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="44" />
        <source>Offline</source>
        <translation>آفلاین</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="101" />
        <source>Agent</source>
        <translation>کارشناس</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="102" />
        <source>Presence</source>
        <translation>حضور</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="103" />
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="104" />
        <source>Warning</source>
        <translation>هشدار</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="105" />
        <source>Breached</source>
        <translation>از موعد گذشته</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="200" />
        <source>Ticket</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="201" />
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="202" />
        <source>Assignee</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="203" />
        <source>Team</source>
        <translation>تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="204" />
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="205" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="206" />
        <source>SLA</source>
        <translation>توافق سطح خدمت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/models.py" line="251" />
        <source>(unassigned)</source>
        <translation>(بدون مسئول)</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="106" />
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="108" />
        <source>All my teams' tickets</source>
        <translation>درخواست‌های همه‌ی تیم‌های من</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="110" />
        <source>Reassign selected…</source>
        <translation>واگذاری دوباره‌ی موارد انتخاب‌شده…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="118" />
        <source>Click an agent to see their tickets; drag tickets onto an agent to give them the work.</source>
        <translation>برای دیدن درخواست‌های هر کارشناس روی او کلیک کنید؛ برای واگذاری کار، درخواست‌ها را روی کارشناس بکشید.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="126" />
        <source>&lt;b&gt;Agents&lt;/b&gt;</source>
        <translation>&lt;b&gt;کارشناسان&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="129" />
        <source>Team queues and auto-assignment</source>
        <translation>صف تیم‌ها و واگذاری خودکار</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="155" />
        <source>Team workload</source>
        <translation>بار کاری تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="156" />
        <location filename="../../deskapp/ui/supervisor/view.py" line="356" />
        <source>Approvals</source>
        <translation>تأییدها</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="187" />
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="204" />
        <source>%1 agents · updated %2</source>
        <translation>%1 کارشناس · به‌روزرسانی %2</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="216" />
        <source>Off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="217" />
        <source>Least loaded</source>
        <translation>کم‌کارترین</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="218" />
        <source>Round-robin</source>
        <translation>نوبتی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="222" />
        <source>%1 open, %2 unassigned</source>
        <translation>%1 باز، %2 بدون مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="250" />
        <source>%1 waiting tickets were auto-assigned.</source>
        <translation>%1 درخواست در انتظار به‌طور خودکار واگذار شد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="259" />
        <source>&lt;b&gt;Open tickets of my teams&lt;/b&gt;</source>
        <translation>&lt;b&gt;درخواست‌های باز تیم‌های من&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="264" />
        <source>&lt;b&gt;Open tickets of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;درخواست‌های باز %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="330" />
        <source>Dragged onto %1 in the supervisor view</source>
        <translation>در نمای سرپرست روی %1 کشیده شد</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="333" />
        <source>Moving %1 tickets to %2…</source>
        <translation>در حال انتقال %1 درخواست به %2…</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="340" />
        <source>%1 moved, %2 could not be moved.</source>
        <translation>%1 منتقل شد، %2 منتقل نشد.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/supervisor/view.py" line="355" />
        <source>Approvals (%1)</source>
        <translation>تأییدها (%1)</translation>
    </message>
</context>
<context>
    <name>TicketDetailView</name>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="79" />
        <source>Select a ticket in the queue, or log a call (Ctrl+N).</source>
        <translation>درخواستی را از صف انتخاب کنید یا تماسی ثبت کنید (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="84" />
        <source>Reload</source>
        <translation>بارگذاری دوباره</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="296" />
        <source>someone else</source>
        <translation>کاربر دیگری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="299" />
        <source>%1 was changed by %2 (%3) after you opened it. Reload to see the change; what you typed is kept.</source>
        <translation>‏%1 پس از باز کردن شما توسط %2 (%3) تغییر کرد. برای دیدن تغییر دوباره بارگذاری کنید؛ آنچه نوشته‌اید حفظ می‌شود.</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/detail_view.py" line="308" />
        <source>Not saved; what you typed is kept.</source>
        <translation>ذخیره نشد؛ آنچه نوشته‌اید حفظ شده است.</translation>
    </message>
</context>
<context>
    <name>TicketHeader</name>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="67" />
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="68" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="69" />
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="70" />
        <source>Assignee</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="71" />
        <source>Team</source>
        <translation>تیم</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="72" />
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="113" />
        <source>unassigned</source>
        <translation>بدون مسئول</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="122" />
        <source>First response</source>
        <translation>اولین پاسخ</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/header.py" line="127" />
        <source>Resolution</source>
        <translation>حل</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../deskapp/ui/ticket/timeline.py" line="77" />
        <source>deskapp</source>
        <translation>deskapp</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/timeline.py" line="79" />
        <source>internal note</source>
        <translation>یادداشت داخلی</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/ticket/timeline.py" line="81" />
        <source>%1 from the customer</source>
        <translation>%1 از مشتری</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../deskapp/ui/notifications/notifier.py" line="90" />
        <source>deskapp</source>
        <translation>deskapp</translation>
    </message>
</context>
<context>
    <name>WeeklyHoursEditor</name>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendar_parts.py" line="84" />
        <source>closed</source>
        <translation>تعطیل</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendar_parts.py" line="107" />
        <source>Hours a week: —</source>
        <translation>ساعت کار در هفته: —</translation>
    </message>
    <message>
        <location filename="../../deskapp/ui/dialogs/calendar_parts.py" line="109" />
        <source>Hours a week: %1</source>
        <translation>ساعت کار در هفته: %1</translation>
    </message>
</context>
</TS>