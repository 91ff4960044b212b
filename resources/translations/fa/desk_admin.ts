<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>AdminMessages</name>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="15"/>
        <source>A team named “{name}” already exists.</source>
        <translation>تیمی به نام «{name}» از پیش وجود دارد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="19"/>
        <source>Team {team} still has {count} open tickets; move them to another team first.</source>
        <translation>تیم {team} هنوز {count} تیکت باز دارد؛ اول آن‌ها را به تیم دیگری منتقل کنید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="21"/>
        <source>{username} cannot supervise a team: choose a supervisor or a manager.</source>
        <translation>{username} نمی‌تواند سرپرست تیم باشد: یک سرپرست یا مدیر انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="23"/>
        <source>Skill “{skill}” has a display name but is not one of the team&apos;s skills.</source>
        <translation>مهارت «{skill}» نام نمایشی دارد ولی از مهارت‌های این تیم نیست.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="26"/>
        <source>You cannot change your own role; ask another administrator.</source>
        <translation>نقش خودتان را نمی‌توانید تغییر دهید؛ از مدیر سیستم دیگری بخواهید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="28"/>
        <source>You cannot disable your own account.</source>
        <translation>حساب خودتان را نمی‌توانید غیرفعال کنید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="32"/>
        <source>The phone number {phone} already belongs to {customer}; merge the two customers instead.</source>
        <translation>شمارهٔ {phone} از آنِ {customer} است؛ به‌جای این کار، دو مشتری را ادغام کنید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="38"/>
        <source>A record cannot be merged with itself.</source>
        <translation>یک رکورد را نمی‌توان با خودش ادغام کرد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="39"/>
        <source>{kept} and {other} belong to different customers; merge the customers first.</source>
        <translation>{kept} و {other} مال دو مشتری متفاوت‌اند؛ اول مشتری‌ها را ادغام کنید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="41"/>
        <source>{reference} is closed; only open tickets can be merged.</source>
        <translation>{reference} بسته است؛ فقط تیکت‌های باز ادغام می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="43"/>
        <source>“{value}” is not a time zone (e.g. Asia/Tehran).</source>
        <translation>«{value}» منطقهٔ زمانی نیست (مثلاً Asia/Tehran).</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="44"/>
        <source>Site code “{value}” must be 2-8 letters or digits, starting with a letter.</source>
        <translation>کد شعبهٔ «{value}» باید ۲ تا ۸ حرف یا رقم لاتین باشد و با حرف شروع شود.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="46"/>
        <source>Add at least one site.</source>
        <translation>دست‌کم یک شعبه اضافه کنید.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="47"/>
        <source>Two sites have the same code.</source>
        <translation>دو شعبه کد یکسان دارند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="48"/>
        <source>The first users must include an administrator.</source>
        <translation>در میان نخستین کاربران باید یک مدیر سیستم باشد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="49"/>
        <source>Two users have the same username.</source>
        <translation>دو کاربر نام کاربری یکسان دارند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="50"/>
        <source>Username “{value}” must be 2-64 characters: letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>نام کاربری «{value}» باید ۲ تا ۶۴ نویسه باشد: حروف a-z، رقم، '.'، '_' یا '-'.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/messages.py" line="53"/>
        <source>This desk is already set up; log in as an administrator to change it.</source>
        <translation>این میز کار پیش‌تر راه‌اندازی شده است؛ برای تغییر آن با حساب مدیر سیستم وارد شوید.</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="27"/>
        <source>Ticket logged</source>
        <translation>تیکت ثبت شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="28"/>
        <source>Ticket edited</source>
        <translation>تیکت ویرایش شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="29"/>
        <source>Status changed</source>
        <translation>وضعیت تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="30"/>
        <source>Assigned</source>
        <translation>واگذار شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="31"/>
        <source>Auto-assigned</source>
        <translation>واگذاری خودکار</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="32"/>
        <source>Escalated</source>
        <translation>ارجاع شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="33"/>
        <source>Returned to tier 1</source>
        <translation>به سطح ۱ بازگشت</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="34"/>
        <source>Satisfaction recorded</source>
        <translation>رضایت ثبت شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="35"/>
        <source>Duplicate merged in</source>
        <translation>تیکت تکراری در آن ادغام شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="36"/>
        <source>Merged into another ticket</source>
        <translation>در تیکت دیگری ادغام شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="37"/>
        <source>Escalation acknowledged</source>
        <translation>ارجاع پذیرفته شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="38"/>
        <source>Approval requested</source>
        <translation>درخواست تأیید</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="39"/>
        <source>Decision recorded</source>
        <translation>تصمیم ثبت شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="40"/>
        <source>Call logged</source>
        <translation>تماس ثبت شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="41"/>
        <source>Customer created</source>
        <translation>مشتری ایجاد شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="42"/>
        <source>Customer edited</source>
        <translation>مشتری ویرایش شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="43"/>
        <source>Duplicate customer merged in</source>
        <translation>مشتری تکراری در آن ادغام شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="44"/>
        <source>Customer merged into another</source>
        <translation>مشتری در رکورد دیگری ادغام شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="45"/>
        <source>User created</source>
        <translation>کاربر ایجاد شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="46"/>
        <source>User edited</source>
        <translation>کاربر ویرایش شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="47"/>
        <source>User disabled</source>
        <translation>کاربر غیرفعال شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="48"/>
        <source>User enabled</source>
        <translation>کاربر فعال شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="49"/>
        <source>Password reset</source>
        <translation>گذرواژه بازنشانی شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="50"/>
        <source>Password changed</source>
        <translation>گذرواژه تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="51"/>
        <source>Presence changed</source>
        <translation>وضعیت حضور تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="52"/>
        <source>Login unlocked</source>
        <translation>قفل ورود باز شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="53"/>
        <source>Logged in</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="54"/>
        <source>Login failed</source>
        <translation>ورود ناموفق</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="55"/>
        <source>Login refused</source>
        <translation>ورود رد شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="56"/>
        <source>Team created</source>
        <translation>تیم ایجاد شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="57"/>
        <source>Team edited</source>
        <translation>تیم ویرایش شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="58"/>
        <source>Team removed</source>
        <translation>تیم حذف شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="59"/>
        <source>Member added</source>
        <translation>عضو اضافه شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="60"/>
        <source>Member removed</source>
        <translation>عضو حذف شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="61"/>
        <source>Auto-assignment switched</source>
        <translation>واگذاری خودکار تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="62"/>
        <source>Answer created</source>
        <translation>پاسخ ایجاد شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="63"/>
        <source>Answer edited</source>
        <translation>پاسخ ویرایش شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="64"/>
        <source>Answer retired</source>
        <translation>پاسخ بایگانی شد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="65"/>
        <source>Desk set up</source>
        <translation>میز کار راه‌اندازی شد</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="45"/>
        <source>Audit log</source>
        <translation>گزارش ممیزی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="52"/>
        <source>username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="55"/>
        <source>e.g. HQ-000123</source>
        <translation>مثلاً HQ-000123</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="58"/>
        <source>e.g. ticket. or user.disabled</source>
        <translation>مثلاً ticket. یا user.disabled</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="61"/>
        <source>Only from</source>
        <translation>فقط از</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="71"/>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="74"/>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="78"/>
        <source>&amp;User:</source>
        <translation>&amp;کاربر:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="79"/>
        <source>&amp;Ticket:</source>
        <translation>&amp;تیکت:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="80"/>
        <source>&amp;Action:</source>
        <translation>&amp;کنش:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="81"/>
        <source>Dates:</source>
        <translation>تاریخ‌ها:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="85"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="85"/>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="85"/>
        <source>What</source>
        <translation>چه کاری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="85"/>
        <source>Record</source>
        <translation>رکورد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="86"/>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="86"/>
        <source>Workstation</source>
        <translation>ایستگاه کاری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/audit_log_dialog.py" line="121"/>
        <source>%1 entries (newest first)</source>
        <translation>%1 مورد (جدیدترین در بالا)</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="125"/>
        <source>Business hours</source>
        <translation>ساعت‌های کاری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="126"/>
        <source>SLA targets count only business time. Choose the working week; managers can edit calendars and holidays later.</source>
        <translation>اهداف SLA فقط زمان کاری را می‌شمارند. هفتهٔ کاری را انتخاب کنید؛ مدیران بعداً می‌توانند تقویم‌ها و تعطیلات را ویرایش کنند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="129"/>
        <source>Iranian week: Saturday to Wednesday 08:00-16:00, Thursday 08:00-13:00, Iranian public holidays (Asia/Tehran)</source>
        <translation>هفتهٔ ایرانی: شنبه تا چهارشنبه ۸ تا ۱۶، پنجشنبه ۸ تا ۱۳، با تعطیلات رسمی ایران (Asia/Tehran)</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="133"/>
        <source>Monday to Friday 09:00-17:00 in the first site&apos;s time zone, no holidays</source>
        <translation>دوشنبه تا جمعه ۹ تا ۱۷ به وقت نخستین شعبه، بدون تعطیلات</translation>
    </message>
</context>
<context>
    <name>CannedEditor</name>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="44"/>
        <source>Canned answers</source>
        <translation>پاسخ‌های آماده</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="52"/>
        <source>Search title, category and text</source>
        <translation>جستجو در عنوان، دسته و متن</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="56"/>
        <source>All languages</source>
        <translation>همهٔ زبان‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="57"/>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="71"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="58"/>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="72"/>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="61"/>
        <source>New answer</source>
        <translation>پاسخ تازه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="77"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="79"/>
        <source>Retire</source>
        <translation>بایگانی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="81"/>
        <source>Supervisors and managers edit the answers; agents use them from the ticket and suggest changes to their supervisor.</source>
        <translation>سرپرستان و مدیران پاسخ‌ها را ویرایش می‌کنند؛ کارشناسان از درون تیکت به کارشان می‌برند و تغییرات را به سرپرست خود پیشنهاد می‌دهند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="94"/>
        <source>&amp;Title:</source>
        <translation>&amp;عنوان:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="96"/>
        <source>&amp;Category:</source>
        <translation>&amp;دسته:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="97"/>
        <source>&amp;Language:</source>
        <translation>&amp;زبان:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="98"/>
        <source>Te&amp;xt:</source>
        <translation>&amp;متن:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="216"/>
        <source>Retire answer</source>
        <translation>بایگانی پاسخ</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/canned_editor.py" line="217"/>
        <source>Retire “%1”? Agents will no longer find it.</source>
        <translation>«%1» بایگانی شود؟ کارشناسان دیگر آن را پیدا نمی‌کنند.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../../deskapp/ui/dialogs/change_password_dialog.py" line="38"/>
        <source>Choose a new password</source>
        <translation>گذرواژهٔ تازه انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/change_password_dialog.py" line="44"/>
        <source>An administrator reset the password of %1. Choose your own password (at least 8 characters) before you start.</source>
        <translation>مدیر سیستم گذرواژهٔ %1 را بازنشانی کرده است. پیش از شروع، گذرواژهٔ خودتان را انتخاب کنید (دست‌کم ۸ نویسه).</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/change_password_dialog.py" line="59"/>
        <source>Change password</source>
        <translation>تغییر گذرواژه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/change_password_dialog.py" line="61"/>
        <source>&amp;New password:</source>
        <translation>گذرواژهٔ &amp;تازه:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/change_password_dialog.py" line="62"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;تکرار آن:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/change_password_dialog.py" line="76"/>
        <source>The two passwords differ.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
</context>
<context>
    <name>CustomerEditDialog</name>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="54"/>
        <source>Edit customer — %1</source>
        <translation>ویرایش مشتری — %1</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="65"/>
        <source>one or more, separated by commas</source>
        <translation>یک یا چند شماره، جدا با ویرگول</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="77"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="78"/>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="87"/>
        <source>Shown in red to every agent who opens this customer</source>
        <translation>برای هر کارشناسی که این مشتری را باز کند با رنگ قرمز نمایش داده می‌شود</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="92"/>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="93"/>
        <source>&amp;Phones:</source>
        <translation>&amp;تلفن‌ها:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="94"/>
        <source>&amp;Email:</source>
        <translation>&amp;ایمیل:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="95"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;سازمان:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="96"/>
        <source>&amp;Segment:</source>
        <translation>&amp;بخش مشتری:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="97"/>
        <source>Preferred &amp;language:</source>
        <translation>&amp;زبان ترجیحی:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="98"/>
        <source>&amp;Warning note:</source>
        <translation>یادداشت &amp;هشدار:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_edit_dialog.py" line="154"/>
        <source>What you typed is kept; reopen the editor to start from the current record.</source>
        <translation>آنچه نوشته‌اید نگه داشته شد؛ برای شروع از رکورد کنونی، ویرایشگر را دوباره باز کنید.</translation>
    </message>
</context>
<context>
    <name>CustomerMergeDialog</name>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_merge_dialog.py" line="50"/>
        <source>Merge a duplicate into %1</source>
        <translation>ادغام رکورد تکراری در %1</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_merge_dialog.py" line="55"/>
        <source>Keep: %1</source>
        <translation>نگه داشتن: %1</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_merge_dialog.py" line="60"/>
        <source>Find the duplicate: phone, email or name</source>
        <translation>رکورد تکراری را پیدا کنید: تلفن، ایمیل یا نام</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_merge_dialog.py" line="65"/>
        <source>The duplicate&apos;s tickets, phone numbers and history move to the kept customer; missing email or organisation are taken over. The duplicate disappears from searches and points to the kept customer.</source>
        <translation>تیکت‌ها، شماره‌ها و سابقهٔ رکورد تکراری به مشتریِ نگه‌داشته منتقل می‌شود؛ ایمیل یا سازمانِ خالی از آن پر می‌شود. رکورد تکراری از جستجوها حذف می‌شود و به مشتریِ نگه‌داشته اشاره می‌کند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/customer_merge_dialog.py" line="73"/>
        <source>Merge into the kept customer</source>
        <translation>ادغام در مشتریِ نگه‌داشته</translation>
    </message>
</context>
<context>
    <name>DeskAdminWiring</name>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="58"/>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="59"/>
        <source>Correct this customer&apos;s details</source>
        <translation>اصلاح مشخصات این مشتری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="63"/>
        <source>Merge…</source>
        <translation>ادغام…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="66"/>
        <source>Merge a duplicate record into this customer</source>
        <translation>ادغام یک رکورد تکراری در این مشتری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="78"/>
        <source>Merge a duplicate ticket…</source>
        <translation>ادغام تیکت تکراری…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="86"/>
        <source>Staff and teams…</source>
        <translation>کارکنان و تیم‌ها…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="89"/>
        <source>Canned answers…</source>
        <translation>پاسخ‌های آماده…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="92"/>
        <source>Escalation reasons and limits…</source>
        <translation>دلایل ارجاع و سقف اختیارات…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="95"/>
        <source>Audit log…</source>
        <translation>گزارش ممیزی…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/install.py" line="101"/>
        <source>&amp;Desk</source>
        <translation>&amp;میز کار</translation>
    </message>
</context>
<context>
    <name>DeskRulesDialog</name>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="45"/>
        <source>Escalation reasons and authority limits</source>
        <translation>دلایل ارجاع و سقف اختیارات</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="54"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="54"/>
        <source>Offered</source>
        <translation>نمایش داده شود</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="59"/>
        <source>A new reason, e.g. Needs a site visit</source>
        <translation>دلیل تازه، مثلاً نیاز به بازدید محلی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="60"/>
        <source>Add reason</source>
        <translation>افزودن دلیل</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="67"/>
        <source>Untick a reason to stop offering it; it stays in the history.</source>
        <translation>تیک یک دلیل را بردارید تا دیگر پیشنهاد نشود؛ در سابقه باقی می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="77"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="77"/>
        <source>May grant up to</source>
        <translation>سقف مبلغ مجاز</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="83"/>
        <source>An empty amount means no limit; 0 means every decision needs a supervisor&apos;s approval.</source>
        <translation>مبلغ خالی یعنی بی‌سقف؛ ۰ یعنی هر تصمیم به تأیید سرپرست نیاز دارد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="91"/>
        <source>Escalation reasons</source>
        <translation>دلایل ارجاع</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="92"/>
        <source>Authority limits</source>
        <translation>سقف اختیارات</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="94"/>
        <source>Save changes</source>
        <translation>ذخیرهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/desk_rules_dialog.py" line="96"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="350"/>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="350"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="350"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="350"/>
        <source>Teams</source>
        <translation>تیم‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="351"/>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="357"/>
        <source>New user</source>
        <translation>کاربر تازه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="379"/>
        <source>at least 8 characters</source>
        <translation>دست‌کم ۸ نویسه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="384"/>
        <source>Save user</source>
        <translation>ذخیرهٔ کاربر</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="386"/>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="474"/>
        <source>Disable</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="388"/>
        <source>Reset password…</source>
        <translation>بازنشانی گذرواژه…</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="392"/>
        <source>&amp;Username:</source>
        <translation>&amp;نام کاربری:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="393"/>
        <source>&amp;Display name:</source>
        <translation>نام &amp;نمایشی:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="394"/>
        <source>&amp;Email:</source>
        <translation>&amp;ایمیل:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="395"/>
        <source>&amp;Role:</source>
        <translation>&amp;نقش:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="396"/>
        <source>&amp;Tier:</source>
        <translation>&amp;سطح:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="397"/>
        <source>&amp;Language:</source>
        <translation>&amp;زبان:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="398"/>
        <source>&amp;Password:</source>
        <translation>&amp;گذرواژه:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="401"/>
        <source>T&amp;eams:</source>
        <translation>&amp;تیم‌ها:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="442"/>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="442"/>
        <source>disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="473"/>
        <source>Enable</source>
        <translation>فعال کردن</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="516"/>
        <source>%1 saved.</source>
        <translation>%1 ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="545"/>
        <source>%1 is disabled. These open tickets are still assigned to them; reassign them from the Supervisor view:</source>
        <translation>%1 غیرفعال شد. این تیکت‌های باز هنوز به او واگذار شده‌اند؛ از نمای سرپرست آن‌ها را واگذار کنید:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="550"/>
        <source>%1 is disabled; they had no open tickets.</source>
        <translation>%1 غیرفعال شد؛ تیکت بازی نداشت.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="559"/>
        <source>Reset password</source>
        <translation>بازنشانی گذرواژه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="560"/>
        <source>Temporary password for %1 (they must change it at the next login):</source>
        <translation>گذرواژهٔ موقت برای %1 (باید در ورود بعدی آن را تغییر دهد):</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="572"/>
        <source>Password of %1 reset; they choose a new one at the next login.</source>
        <translation>گذرواژهٔ %1 بازنشانی شد؛ در ورود بعدی گذرواژهٔ تازه انتخاب می‌کند.</translation>
    </message>
</context>
<context>
    <name>PresenceStatus</name>
    <message>
        <location filename="../../../deskapp/ui/admin/presence_status.py" line="37"/>
        <source>Available</source>
        <translation>در دسترس</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/presence_status.py" line="38"/>
        <source>Away</source>
        <translation>دور از میز</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/presence_status.py" line="39"/>
        <source>On a call</source>
        <translation>در تماس</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/presence_status.py" line="40"/>
        <source>Offline</source>
        <translation>آفلاین</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/presence_status.py" line="76"/>
        <source>Your presence: auto-assignment gives new work only to agents who are Available</source>
        <translation>وضعیت حضور شما: واگذاری خودکار، کار تازه را فقط به کارشناسانِ «در دسترس» می‌دهد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/presence_status.py" line="166"/>
        <source>Presence could not be saved: %1</source>
        <translation>وضعیت حضور ذخیره نشد: %1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="227"/>
        <source>Set up a new desk</source>
        <translation>راه‌اندازی میز کار تازه</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="88"/>
        <source>Sites</source>
        <translation>شعبه‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="90"/>
        <source>This database is empty: set up your desk (nothing is saved until Finish). Each site numbers its own tickets (HQ-000001, TBZ-000001). The time zone is the one its staff work in.</source>
        <translation>این پایگاه داده خالی است: میز کار خود را راه‌اندازی کنید (تا «پایان» چیزی ذخیره نمی‌شود). هر شعبه تیکت‌های خود را شماره‌گذاری می‌کند (HQ-000001، TBZ-000001). منطقهٔ زمانی، همان جایی است که کارکنان آن شعبه کار می‌کنند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="95"/>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="95"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="95"/>
        <source>Time zone</source>
        <translation>منطقهٔ زمانی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="97"/>
        <source>Add site</source>
        <translation>افزودن شعبه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="97"/>
        <source>Remove site</source>
        <translation>حذف شعبه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="99"/>
        <source>Head office</source>
        <translation>دفتر مرکزی</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="58"/>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="59"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="584"/>
        <source>Staff and teams</source>
        <translation>کارکنان و تیم‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="592"/>
        <source>Teams</source>
        <translation>تیم‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="596"/>
        <source>People</source>
        <translation>افراد</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="90"/>
        <source>New team</source>
        <translation>تیم تازه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="101"/>
        <source>Off: supervisors assign</source>
        <translation>خاموش: سرپرستان واگذار می‌کنند</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="102"/>
        <source>To the least-loaded available agent</source>
        <translation>به کارشناسِ در دسترس با کمترین کار</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="103"/>
        <source>In turn (round-robin) among available agents</source>
        <translation>به نوبت میان کارشناسانِ در دسترس</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="111"/>
        <source>Skill code</source>
        <translation>کد مهارت</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="111"/>
        <source>English name</source>
        <translation>نام انگلیسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="111"/>
        <source>Persian name</source>
        <translation>نام فارسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="115"/>
        <source>Add skill</source>
        <translation>افزودن مهارت</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="116"/>
        <source>Remove skill</source>
        <translation>حذف مهارت</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="120"/>
        <source>Save team</source>
        <translation>ذخیرهٔ تیم</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="122"/>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="324"/>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="155"/>
        <source>Remove team</source>
        <translation>حذف تیم</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="129"/>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="130"/>
        <source>&amp;Tier:</source>
        <translation>&amp;سطح:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="131"/>
        <source>&amp;Supervisor:</source>
        <translation>&amp;سرپرست:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="132"/>
        <source>&amp;Auto-assignment:</source>
        <translation>واگذاری &amp;خودکار:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="133"/>
        <source>&amp;Description:</source>
        <translation>&amp;توضیح:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="141"/>
        <source>Skills:</source>
        <translation>مهارت‌ها:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="142"/>
        <source>&amp;Members:</source>
        <translation>&amp;اعضا:</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="215"/>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="311"/>
        <source>Team %1 saved.</source>
        <translation>تیم %1 ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="325"/>
        <source>Remove team %1? Its members stay; a team with open tickets cannot be removed.</source>
        <translation>تیم %1 حذف شود؟ اعضا باقی می‌مانند؛ تیمی که تیکت باز دارد حذف نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/staff_window.py" line="338"/>
        <source>Team %1 removed.</source>
        <translation>تیم %1 حذف شد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="148"/>
        <source>Teams</source>
        <translation>تیم‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="150"/>
        <source>Teams take functional escalations by skill (billing, network…). Skills are short codes, separated by commas.</source>
        <translation>تیم‌ها ارجاع‌های تخصصی را بر پایهٔ مهارت می‌گیرند (صورت‌حساب، شبکه…). مهارت‌ها کدهای کوتاه‌اند و با ویرگول جدا می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="154"/>
        <source>Team name</source>
        <translation>نام تیم</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="154"/>
        <source>Skills</source>
        <translation>مهارت‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="154"/>
        <source>Tier</source>
        <translation>سطح</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="155"/>
        <source>Add team</source>
        <translation>افزودن تیم</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="157"/>
        <source>Front desk</source>
        <translation>پذیرش</translation>
    </message>
</context>
<context>
    <name>TicketHistoryPanel</name>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="120"/>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="126"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="126"/>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="126"/>
        <source>What</source>
        <translation>چه کاری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="126"/>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/ticket_history.py" line="127"/>
        <source>Workstation</source>
        <translation>ایستگاه کاری</translation>
    </message>
</context>
<context>
    <name>TicketMergeDialog</name>
    <message>
        <location filename="../../../deskapp/ui/dialogs/ticket_merge_dialog.py" line="40"/>
        <source>Merge a duplicate into %1</source>
        <translation>ادغام رکورد تکراری در %1</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/ticket_merge_dialog.py" line="46"/>
        <source>Choose the duplicate of %1 (%2). Its messages move here; it is closed as merged. This ticket keeps its SLA clocks.</source>
        <translation>تیکت تکراریِ %1 (%2) را انتخاب کنید. پیام‌هایش به این‌جا منتقل می‌شود و به‌عنوان «ادغام‌شده» بسته می‌شود. ساعت‌های SLA این تیکت تغییر نمی‌کنند.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/ticket_merge_dialog.py" line="52"/>
        <source>This customer has no other open ticket.</source>
        <translation>این مشتری تیکت باز دیگری ندارد.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/dialogs/ticket_merge_dialog.py" line="57"/>
        <source>Merge into this ticket</source>
        <translation>ادغام در این تیکت</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="178"/>
        <source>First users</source>
        <translation>نخستین کاربران</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="180"/>
        <source>At least one administrator. Teams: names from the previous page, separated by commas. A team&apos;s first supervisor becomes its supervisor.</source>
        <translation>دست‌کم یک مدیر سیستم. تیم‌ها: نام‌هایی از صفحهٔ پیش، جدا با ویرگول. نخستین سرپرستِ هر تیم، سرپرست آن می‌شود.</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="184"/>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="184"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="184"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="184"/>
        <source>Teams</source>
        <translation>تیم‌ها</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="185"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="186"/>
        <source>Add user</source>
        <translation>افزودن کاربر</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="186"/>
        <source>Remove user</source>
        <translation>حذف کاربر</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/admin/setup_wizard.py" line="190"/>
        <source>Administrator</source>
        <translation>مدیر سیستم</translation>
    </message>
</context>
<context>
    <name>StartupFlow</name>
    <message>
        <location filename="../../../deskapp/ui/startup.py" line="1"/>
        <source>The desk is set up. Log in as %1.</source>
        <translation>میز کار راه‌اندازی شد. با نام %1 وارد شوید.</translation>
    </message>
</context>
<context>
    <name>SupervisorModels</name>
    <message>
        <location filename="../../../deskapp/ui/supervisor/models.py" line="1"/>
        <source>On a call</source>
        <translation>در تماس</translation>
    </message>
    <message>
        <location filename="../../../deskapp/ui/supervisor/models.py" line="1"/>
        <source>%1 · since %2</source>
        <translation>%1 · از %2</translation>
    </message>
</context>
</TS>
