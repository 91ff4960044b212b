<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>QueuePanel</name>
    
    <message>
        <location filename="../../../deskapp/ui/queue/panel.py" line="143"/>
        <source>Export view…</source>
        <translation>خروجی نما…</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/queue/panel.py" line="145"/>
        <source>Save the tickets of this view as CSV or XLSX</source>
        <translation>ذخیرهٔ تیکت‌های این نما به‌صورت CSV یا XLSX</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/queue/panel.py" line="428"/>
        <source>Export view</source>
        <translation>خروجی نما</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/queue/panel.py" line="428"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>اکسل (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="55"/>
        <source>Open backlog and tickets created per day</source>
        <translation>تیکت‌های باز و تیکت‌های ثبت‌شده در هر روز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="56"/>
        <source>SLA: met, breached, still running</source>
        <translation>SLA: رعایت‌شده، نقض‌شده، در جریان</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="57"/>
        <source>Tickets by channel</source>
        <translation>تیکت‌ها بر اساس کانال</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="58"/>
        <source>Tickets by hour of day and weekday</source>
        <translation>تیکت‌ها بر اساس ساعت و روز هفته</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="65"/>
        <source>Met</source>
        <translation>رعایت‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="66"/>
        <location filename="../../../deskapp/ui/reports/charts.py" line="168"/>
        <source>Breached</source>
        <translation>نقض‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="67"/>
        <source>Still running</source>
        <translation>در جریان</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="96"/>
        <source>Open backlog</source>
        <translation>تیکت‌های باز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/charts.py" line="98"/>
        <source>Created</source>
        <translation>ثبت‌شده</translation>
    </message>
</context>
<context>
    <name>ReportDefinitions</name>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="11"/>
        <source>Tickets created in the range: met = the clock stopped by its due time; breached = stopped late or still running past it; compliance = met / (met + breached).</source>
        <translation>تیکت‌های ثبت‌شده در بازه: رعایت‌شده = زمان‌سنج تا موعد متوقف شد؛ نقض‌شده = دیر متوقف شد یا از موعد گذشته و هنوز در جریان است؛ انطباق = رعایت‌شده / (رعایت‌شده + نقض‌شده).</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="16"/>
        <source>Business time (the ticket&apos;s SLA calendar) from creation to the first reply or call; lower median and 90th percentile over tickets created in the range.</source>
        <translation>زمان کاری (تقویم SLA تیکت) از ثبت تا نخستین پاسخ یا تماس؛ میانهٔ پایین و صدک ۹۰ تیکت‌های ثبت‌شده در بازه.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="21"/>
        <source>Business time from creation to resolution, pending time left out; lower median and 90th percentile over tickets resolved in the range.</source>
        <translation>زمان کاری از ثبت تا حل، بدون زمان انتظار؛ میانهٔ پایین و صدک ۹۰ تیکت‌های حل‌شده در بازه.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="26"/>
        <source>Strict: resolved on the first inbound contact, never escalated, never reopened, and no further contact from the customer within 7 days; share of tickets resolved.</source>
        <translation>سخت‌گیرانه: در نخستین تماس ورودی حل شده، هرگز ارجاع یا بازگشایی نشده و مشتری تا ۷ روز دوباره تماس نگرفته است؛ سهم از تیکت‌های حل‌شده.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="31"/>
        <source>Satisfaction scores (1-5) of tickets resolved in the range; response rate = scored / resolved.</source>
        <translation>امتیاز رضایت (۱ تا ۵) تیکت‌های حل‌شده در بازه؛ نرخ پاسخ = امتیازداده‌شده / حل‌شده.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="36"/>
        <source>Tickets open now (new, open, pending), by status and by age; the trend is the open count at the end of each day.</source>
        <translation>تیکت‌های اکنون باز (جدید، باز، در انتظار) بر اساس وضعیت و سن؛ روند، تعداد تیکت‌های باز در پایان هر روز است.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="41"/>
        <source>Share of tickets created in the range escalated at least once; reopen rate = reopened / resolved at least once.</source>
        <translation>سهم تیکت‌های ثبت‌شده در بازه که دست‌کم یک بار ارجاع شده‌اند؛ نرخ بازگشایی = بازگشایی‌شده / دست‌کم یک بار حل‌شده.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="46"/>
        <source>Tickets created in the range, by channel and by local hour of day and weekday.</source>
        <translation>تیکت‌های ثبت‌شده در بازه بر اساس کانال و ساعت محلی و روز هفته.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/definitions.py" line="50"/>
        <source>Per current assignee: handled = created in the range, resolved in the range, strict FCR, average CSAT, median first response, tickets with a breached clock.</source>
        <translation>برای هر مسئول کنونی: رسیدگی‌شده = ثبت‌شده در بازه، حل‌شده در بازه، FCR سخت‌گیرانه، میانگین رضایت، میانهٔ نخستین پاسخ، تیکت‌های با SLA نقض‌شده.</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    
    <message>
        <location filename="../../../deskapp/ui/reports/document.py" line="58"/>
        <source>Desk report %1 to %2</source>
        <translation>گزارش میز خدمت از %1 تا %2</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/document.py" line="80"/>
        <source>Generated %1; times are business time of each ticket&apos;s calendar.</source>
        <translation>تهیه‌شده در %1؛ زمان‌ها، زمان کاری تقویم هر تیکت است.</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="14"/>
        <source>Summary</source>
        <translation>خلاصه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="15"/>
        <source>Figure</source>
        <translation>شاخص</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="16"/>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="17"/>
        <source>Tickets created</source>
        <translation>تیکت‌های ثبت‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="18"/>
        <source>Tickets resolved</source>
        <translation>تیکت‌های حل‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="19"/>
        <source>First response, median (business minutes)</source>
        <translation>نخستین پاسخ، میانه (دقیقهٔ کاری)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="20"/>
        <source>First response, 90th percentile (business minutes)</source>
        <translation>نخستین پاسخ، صدک ۹۰ (دقیقهٔ کاری)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="21"/>
        <source>Resolution, median (business minutes)</source>
        <translation>حل، میانه (دقیقهٔ کاری)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="22"/>
        <source>Resolution, 90th percentile (business minutes)</source>
        <translation>حل، صدک ۹۰ (دقیقهٔ کاری)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="23"/>
        <source>First-contact resolution %</source>
        <translation>حل در نخستین تماس ٪</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="24"/>
        <source>CSAT average</source>
        <translation>میانگین رضایت</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="25"/>
        <source>CSAT response rate %</source>
        <translation>نرخ پاسخ رضایت ٪</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="26"/>
        <source>Escalation rate %</source>
        <translation>نرخ ارجاع ٪</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="27"/>
        <source>Reopen rate %</source>
        <translation>نرخ بازگشایی ٪</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="28"/>
        <source>Open backlog</source>
        <translation>تیکت‌های باز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="29"/>
        <source>SLA compliance</source>
        <translation>انطباق با SLA</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="30"/>
        <source>Policy</source>
        <translation>سیاست</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="31"/>
        <source>Clock</source>
        <translation>زمان‌سنج</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="32"/>
        <source>Met</source>
        <translation>رعایت‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="33"/>
        <source>Breached</source>
        <translation>نقض‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="34"/>
        <source>Still running</source>
        <translation>در جریان</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="35"/>
        <source>Compliance %</source>
        <translation>انطباق ٪</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="36"/>
        <source>CSAT distribution</source>
        <translation>توزیع رضایت</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="37"/>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="38"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="39"/>
        <source>Backlog by status</source>
        <translation>تیکت‌های باز بر اساس وضعیت</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="40"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="41"/>
        <source>Backlog by age</source>
        <translation>تیکت‌های باز بر اساس سن</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="42"/>
        <source>Age</source>
        <translation>سن</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="43"/>
        <source>Backlog trend</source>
        <translation>روند تیکت‌های باز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="44"/>
        <source>Day</source>
        <translation>روز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="45"/>
        <source>Open at the end of the day</source>
        <translation>باز در پایان روز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="46"/>
        <source>Escalations</source>
        <translation>ارجاع‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="47"/>
        <source>Group</source>
        <translation>گروه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="48"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="49"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="50"/>
        <source>Trigger</source>
        <translation>آغازگر</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="51"/>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="52"/>
        <source>Manual</source>
        <translation>دستی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="53"/>
        <source>Volume by channel</source>
        <translation>حجم بر اساس کانال</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="54"/>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="55"/>
        <source>Volume by day</source>
        <translation>حجم روزانه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="56"/>
        <source>Volume by hour and weekday</source>
        <translation>حجم بر اساس ساعت و روز هفته</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="57"/>
        <source>Weekday</source>
        <translation>روز هفته</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="58"/>
        <source>Per agent</source>
        <translation>به تفکیک کارشناس</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="59"/>
        <source>Agent</source>
        <translation>کارشناس</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="60"/>
        <source>Handled</source>
        <translation>رسیدگی‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="61"/>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="62"/>
        <source>FCR %</source>
        <translation>FCR ٪</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="63"/>
        <source>Median first response (business minutes)</source>
        <translation>میانهٔ نخستین پاسخ (دقیقهٔ کاری)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="64"/>
        <source>Breaches</source>
        <translation>نقض‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="65"/>
        <source>(unassigned)</source>
        <translation>(بدون مسئول)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="66"/>
        <source>First response</source>
        <translation>نخستین پاسخ</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="67"/>
        <source>Resolution</source>
        <translation>حل</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="68"/>
        <source>New</source>
        <translation>جدید</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="69"/>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="70"/>
        <source>Pending customer</source>
        <translation>در انتظار مشتری</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="71"/>
        <source>Pending third party</source>
        <translation>در انتظار طرف سوم</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="72"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="73"/>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="74"/>
        <source>Chat</source>
        <translation>گفتگو</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="75"/>
        <source>Social</source>
        <translation>شبکهٔ اجتماعی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="76"/>
        <source>Walk-in</source>
        <translation>حضوری</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="77"/>
        <source>Web</source>
        <translation>وب</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="78"/>
        <source>Functional</source>
        <translation>عملکردی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="79"/>
        <source>Hierarchical</source>
        <translation>سلسله‌مراتبی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="80"/>
        <source>Mon</source>
        <translation>دوشنبه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="81"/>
        <source>Tue</source>
        <translation>سه‌شنبه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="82"/>
        <source>Wed</source>
        <translation>چهارشنبه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="83"/>
        <source>Thu</source>
        <translation>پنجشنبه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="84"/>
        <source>Fri</source>
        <translation>جمعه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="85"/>
        <source>Sat</source>
        <translation>شنبه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="86"/>
        <source>Sun</source>
        <translation>یکشنبه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="87"/>
        <source>&lt; 1 day</source>
        <translation>کمتر از ۱ روز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="88"/>
        <source>1-3 days</source>
        <translation>۱ تا ۳ روز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="89"/>
        <source>3-7 days</source>
        <translation>۳ تا ۷ روز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="90"/>
        <source>7-30 days</source>
        <translation>۷ تا ۳۰ روز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/labels.py" line="91"/>
        <source>&gt; 30 days</source>
        <translation>بیش از ۳۰ روز</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="0"/>
        <source>All sites</source>
        <translation>همهٔ شعبه‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="0"/>
        <source>The report ends before it starts.</source>
        <translation>پایان گزارش پیش از آغاز آن است.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="0"/>
        <source>A report covers at most three years.</source>
        <translation>هر گزارش حداکثر سه سال را در بر می‌گیرد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="0"/>
        <source>You supervise no team to report on.</source>
        <translation>شما سرپرست هیچ تیمی نیستید که گزارش آن را ببینید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="0"/>
        <source>You may report only on your own teams.</source>
        <translation>شما فقط گزارش تیم‌های خودتان را می‌توانید ببینید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="0"/>
        <source>Unknown time zone.</source>
        <translation>منطقهٔ زمانی ناشناخته است.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/install.py" line="23"/>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="110"/>
        <source>All my teams</source>
        <translation>همهٔ تیم‌های من</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="110"/>
        <source>All teams</source>
        <translation>همهٔ تیم‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="111"/>
        <source>All agents</source>
        <translation>همهٔ کارشناسان</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="112"/>
        <source>All channels</source>
        <translation>همهٔ کانال‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="113"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="113"/>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="114"/>
        <source>Chat</source>
        <translation>گفتگو</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="114"/>
        <source>Social</source>
        <translation>شبکهٔ اجتماعی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="115"/>
        <source>Walk-in</source>
        <translation>حضوری</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="115"/>
        <source>Web</source>
        <translation>وب</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="116"/>
        <source>All segments</source>
        <translation>همهٔ بخش‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="117"/>
        <source>Standard</source>
        <translation>عادی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="117"/>
        <source>Priority</source>
        <translation>ویژه</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="118"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="119"/>
        <source>All priorities</source>
        <translation>همهٔ اولویت‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="120"/>
        <source>Low</source>
        <translation>کم</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="120"/>
        <source>Normal</source>
        <translation>معمولی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="121"/>
        <source>High</source>
        <translation>زیاد</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="121"/>
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="123"/>
        <source>Any category</source>
        <translation>هر دسته</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="124"/>
        <source>Show report</source>
        <translation>نمایش گزارش</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="135"/>
        <source>to</source>
        <translation>تا</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="138"/>
        <source>Dates</source>
        <translation>تاریخ‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="142"/>
        <source>Filters</source>
        <translation>پالایه‌ها</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="148"/>
        <source>Table to CSV…</source>
        <translation>جدول به CSV…</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="149"/>
        <source>Table to XLSX…</source>
        <translation>جدول به XLSX…</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="150"/>
        <source>Report to XLSX…</source>
        <translation>گزارش به XLSX…</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="151"/>
        <source>Report to PDF…</source>
        <translation>گزارش به PDF…</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="152"/>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="163"/>
        <source>SLA compliance</source>
        <translation>انطباق با SLA</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="164"/>
        <source>First response (median / 90%)</source>
        <translation>نخستین پاسخ (میانه / ۹۰٪)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="165"/>
        <source>Resolution (median / 90%)</source>
        <translation>حل (میانه / ۹۰٪)</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="166"/>
        <source>First-contact resolution</source>
        <translation>حل در نخستین تماس</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="167"/>
        <source>CSAT</source>
        <translation>رضایت مشتری</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="168"/>
        <source>Open backlog</source>
        <translation>تیکت‌های باز</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="169"/>
        <source>Escalated / reopened</source>
        <translation>ارجاع / بازگشایی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="170"/>
        <source>Tickets created</source>
        <translation>تیکت‌های ثبت‌شده</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="300"/>
        <source>Counting…</source>
        <translation>در حال شمارش…</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="314"/>
        <source>Report of %1 to %2, as of %3.</source>
        <translation>گزارش %1 تا %2، در %3.</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="402"/>
        <source>Report: %1</source>
        <translation>گزارش: %1</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="414"/>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
    
    <message>
        <location filename="../../../deskapp/ui/reports/view.py" line="431"/>
        <location filename="../../../deskapp/ui/reports/view.py" line="439"/>
        <location filename="../../../deskapp/ui/reports/view.py" line="447"/>
        <source>Saved %1</source>
        <translation>%1 ذخیره شد</translation>
    </message>
</context>
</TS>
