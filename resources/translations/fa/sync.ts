<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
    <context>
        <name>BranchSyncWiring</name>
        <message>
            <location filename="../../../deskapp/ui/sync/wiring.py" line="107" />
            <source>&amp;Sync</source>
            <translation>&amp;همگام‌سازی</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/wiring.py" line="108" />
            <source>Sync now</source>
            <translation>همگام‌سازی اکنون</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/wiring.py" line="112" />
            <source>Conflict inbox…</source>
            <translation>صندوق تعارض‌ها…</translation>
        </message>
    </context>
    <context>
        <name>ConflictInbox</name>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="58" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="59" />
            <source>Assignee</source>
            <translation>مسئول</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="60" />
            <source>Team</source>
            <translation>تیم</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="61" />
            <source>Priority</source>
            <translation>اولویت</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="62" />
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="63" />
            <source>Description</source>
            <translation>شرح</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="64" />
            <source>Category</source>
            <translation>دسته</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="65" />
            <source>Channel</source>
            <translation>کانال</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="66" />
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="67" />
            <source>Email</source>
            <translation>ایمیل</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="68" />
            <source>Organisation</source>
            <translation>سازمان</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="69" />
            <source>Segment</source>
            <translation>بخش مشتری</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="70" />
            <source>Warning note</source>
            <translation>یادداشت هشدار</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="71" />
            <source>Phone number</source>
            <translation>شماره تلفن</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="74" />
            <source>Changed at two sites</source>
            <translation>در دو شعبه تغییر کرده است</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="75" />
            <source>Closed at one site, reopened or answered at another</source>
            <translation>در یک شعبه بسته شده و در شعبه‌ای دیگر دوباره باز یا پاسخ داده شده است</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="76" />
            <source>Assigned to different agents</source>
            <translation>به کارشناسان متفاوت سپرده شده است</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="77" />
            <source>A reply reached a ticket closed elsewhere</source>
            <translation>پاسخی به تیکتی رسیده که در جای دیگر بسته شده است</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="99" />
            <source>(nobody)</source>
            <translation>(هیچ‌کس)</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="110" />
            <source>a reply</source>
            <translation>یک پاسخ</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="116" />
            <source>yes</source>
            <translation>بله</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="117" />
            <source>no</source>
            <translation>خیر</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="124" />
            <source>%1 at %2, %3</source>
            <translation>%1 در %2، %3</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="125" />
            <source>someone</source>
            <translation>کسی</translation>
        </message>
    </context>
    <context>
        <name>ConflictInboxDialog</name>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="238" />
            <source>Conflict inbox</source>
            <translation>صندوق تعارض‌ها</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="250" />
            <source>These changes were made at two sites and could not both be kept. The desk now holds the kept value; choose for each whether it stays, or the other value (or a new one) replaces it. Your choice reaches every site with the next sync.</source>
            <translation>این تغییرها در دو شعبه انجام شده‌اند و نمی‌شد هر دو را نگه داشت. اکنون مقدار نگه‌داشته‌شده در میز خدمات است؛ برای هر مورد انتخاب کنید که همین بماند یا مقدار دیگر (یا مقداری تازه) جای آن را بگیرد. انتخاب شما با همگام‌سازی بعدی به همهٔ شعبه‌ها می‌رسد.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="268" />
            <source>Kept — in the desk now</source>
            <translation>نگه‌داشته‌شده — اکنون در میز خدمات</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="269" />
            <source>Other value</source>
            <translation>مقدار دیگر</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="270" />
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="411" />
            <source>Keep this</source>
            <translation>همین بماند</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="272" />
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="410" />
            <source>Take that</source>
            <translation>آن یکی را بگیر</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="281" />
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="405" />
            <source>Or type a new value</source>
            <translation>یا مقداری تازه بنویسید</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="282" />
            <source>Save this value</source>
            <translation>ذخیرهٔ این مقدار</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="295" />
            <source>No conflicts are waiting. Nothing to do.</source>
            <translation>هیچ تعارضی در انتظار نیست. کاری نمانده است.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="301" />
            <source>Refresh</source>
            <translation>تازه‌سازی</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="381" />
            <source>%1 — %2: %3</source>
            <translation>%1 — %2: %3</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="403" />
            <source>Change it on the ticket instead</source>
            <translation>این را در خود تیکت تغییر دهید</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="407" />
            <source>Reopen the ticket</source>
            <translation>بازگشایی تیکت</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="408" />
            <source>Keep it closed</source>
            <translation>بسته بماند</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="423" />
            <source>Type the new value first.</source>
            <translation>اول مقدار تازه را بنویسید.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="438" />
            <source>Settled. The choice goes to every site with the next sync.</source>
            <translation>حل شد. این انتخاب با همگام‌سازی بعدی به همهٔ شعبه‌ها می‌رسد.</translation>
        </message>
    </context>
    <context>
        <name>ConflictModel</name>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="165" />
            <source>Ticket / record</source>
            <translation>تیکت / رکورد</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="165" />
            <source>Field</source>
            <translation>فیلد</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="165" />
            <source>Kept (in the desk now)</source>
            <translation>نگه‌داشته‌شده (اکنون در میز خدمات)</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="166" />
            <source>Other value</source>
            <translation>مقدار دیگر</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="56" />
            <source>Syncing… %1</source>
            <translation>در حال همگام‌سازی… %1</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="59" />
            <source>Syncing…</source>
            <translation>در حال همگام‌سازی…</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="67" />
            <source>Centre unreachable: working offline, nothing is lost.</source>
            <translation>دسترسی به مرکز نیست: کار به‌صورت آفلاین ادامه دارد و چیزی از دست نمی‌رود.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="68" />
            <source>offline</source>
            <translation>آفلاین</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="70" />
            <source>Sync failed: %1</source>
            <translation>همگام‌سازی انجام نشد: %1</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="71" />
            <source>sync failed</source>
            <translation>همگام‌سازی ناموفق</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="80" />
            <source>Sync now</source>
            <translation>همگام‌سازی اکنون</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="83" />
            <source>Branch: reading sync state…</source>
            <translation>شعبه: در حال خواندن وضعیت همگام‌سازی…</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="89" />
            <source>Never synced</source>
            <translation>هنوز همگام نشده</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="91" />
            <source>Synced %1</source>
            <translation>همگام‌شده %1</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="93" />
            <source>Branch %1 · %2</source>
            <translation>شعبهٔ %1 · %2</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="98" />
            <source>Last successful sync: %1</source>
            <translation>آخرین همگام‌سازی موفق: %1</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="106" />
            <source>%1 changes waiting</source>
            <translation>%1 تغییر در انتظار ارسال</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="109" />
            <source>%1 conflicts</source>
            <translation>%1 تعارض</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="111" />
            <source>Open the conflict inbox</source>
            <translation>باز کردن صندوق تعارض‌ها</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="113" />
            <source>No conflicts</source>
            <translation>بدون تعارض</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="127" />
            <source>just now</source>
            <translation>همین حالا</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="129" />
            <source>%1 min ago</source>
            <translation>%1 دقیقه پیش</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="132" />
            <source>%1 h ago</source>
            <translation>%1 ساعت پیش</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/sync/status.py" line="134" />
            <source>%1 days ago</source>
            <translation>%1 روز پیش</translation>
        </message>
    </context>
    <context>
        <name>_SidePanel</name>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="208" />
            <source>Value:</source>
            <translation>مقدار:</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="209" />
            <source>Site:</source>
            <translation>شعبه:</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="210" />
            <source>Changed by:</source>
            <translation>تغییر از:</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="211" />
            <source>When:</source>
            <translation>زمان:</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/dialogs/conflict_inbox_dialog.py" line="221" />
            <source>someone</source>
            <translation>کسی</translation>
        </message>
    </context>
    <context>
        <name>ErrorText</name>
        <message>
            <source>This computer's clock is {drift_minutes} minutes off the centre's (at most {max_minutes} allowed). Nothing was sent; correct the date and time, then sync again.</source>
            <translation>ساعت این رایانه {drift_minutes} دقیقه با ساعت مرکز فاصله دارد (حداکثر {max_minutes} دقیقه مجاز است). چیزی فرستاده نشد؛ تاریخ و ساعت را درست کنید و دوباره همگام‌سازی کنید.</translation>
        </message>
        <message>
            <source>The branch (schema {branch}) and the centre (schema {centre}) run different deskapp versions. Nothing was sent; upgrade the older side first.</source>
            <translation>شعبه (طرح {branch}) و مرکز (طرح {centre}) نسخه‌های متفاوتی از deskapp دارند. چیزی فرستاده نشد؛ اول طرف قدیمی‌تر را ارتقا دهید.</translation>
        </message>
        <message>
            <source>The centre's connection profile {profile} is missing on this computer.</source>
            <translation>پروفایل اتصال مرکز، {profile}، روی این رایانه نیست.</translation>
        </message>
        <message>
            <source>Someone has already settled this conflict.</source>
            <translation>کس دیگری این تعارض را پیش‌تر حل کرده است.</translation>
        </message>
        <message>
            <source>That conflict does not exist.</source>
            <translation>این تعارض وجود ندارد.</translation>
        </message>
    </context>
</TS>
