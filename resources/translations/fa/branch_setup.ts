<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
    <context>
        <name>BranchSetupAction</name>
        <message>
            <source>Set up this computer as a &amp;branch office…</source>
            <translation>راه‌اندازی این رایانه به‌عنوان &amp;شعبه…</translation>
        </message>
    </context>
    <context>
        <name>BranchSetupDialog</name>
        <message>
            <source>Set up this computer as a branch office</source>
            <translation>راه‌اندازی این رایانه به‌عنوان شعبه</translation>
        </message>
        <message>
            <source>Copies the whole desk from the central database into a new database file on this computer: staff (their passwords work offline), teams, SLA rules, customers and tickets with their conversation. From then on the centre no longer numbers this site's tickets; this computer does, and sends its work to the centre whenever the link is up.</source>
            <translation>همهٔ میز خدمات را از پایگاه دادهٔ مرکزی در یک پروندهٔ پایگاه دادهٔ تازه روی این رایانه کپی می‌کند: کارکنان (گذرواژه‌هایشان بدون اتصال هم کار می‌کند)، تیم‌ها، قواعد SLA، مشتریان و تیکت‌ها با گفت‌وگوهایشان. از آن پس مرکز دیگر به تیکت‌های این شعبه شماره نمی‌دهد؛ این رایانه می‌دهد و هر بار که ارتباط برقرار باشد کارهایش را به مرکز می‌فرستد.</translation>
        </message>
        <message>
            <source>&amp;Connect</source>
            <translation>&amp;اتصال</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>مرور…</translation>
        </message>
        <message>
            <source>&amp;All</source>
            <translation>&amp;همه</translation>
        </message>
        <message>
            <source>&amp;Last</source>
            <translation>&amp;فقط</translation>
        </message>
        <message>
            <source> days</source>
            <translation> روز اخیر</translation>
        </message>
        <message>
            <source>Open tickets are always copied.</source>
            <translation>تیکت‌های باز همیشه کپی می‌شوند.</translation>
        </message>
        <message>
            <source>Central &amp;database:</source>
            <translation>پایگاه دادهٔ &amp;مرکزی:</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>&amp;گذرواژه:</translation>
        </message>
        <message>
            <source>Branch &amp;site:</source>
            <translation>&amp;شعبه:</translation>
        </message>
        <message>
            <source>Database &amp;file:</source>
            <translation>&amp;پروندهٔ پایگاه داده:</translation>
        </message>
        <message>
            <source>Closed &amp;history:</source>
            <translation>&amp;سابقهٔ بسته‌شده:</translation>
        </message>
        <message>
            <source>Set &amp;up branch</source>
            <translation>&amp;راه‌اندازی شعبه</translation>
        </message>
        <message>
            <source>S&amp;witch to the branch database</source>
            <translation>&amp;رفتن به پایگاه دادهٔ شعبه</translation>
        </message>
        <message>
            <source>There is no connection profile of a central database on this computer. Add the centre first with File → Connection… (shared database), then come back here.</source>
            <translation>روی این رایانه هیچ نمایهٔ اتصالی به پایگاه دادهٔ مرکزی نیست. نخست مرکز را از پرونده ← اتصال… (پایگاه دادهٔ مشترک) بیفزایید و سپس به اینجا برگردید.</translation>
        </message>
        <message>
            <source>stored in the keyring — type to change</source>
            <translation>در مخزن امن ذخیره شده — برای تغییر بنویسید</translation>
        </message>
        <message>
            <source>kept in this computer's keyring once it works</source>
            <translation>پس از اتصال موفق در مخزن امن این رایانه نگه داشته می‌شود</translation>
        </message>
        <message>
            <source>entered this session — type to change</source>
            <translation>در همین نشست وارد شده — برای تغییر بنویسید</translation>
        </message>
        <message>
            <source>no keyring: kept for this session only</source>
            <translation>مخزن امن نیست: فقط برای همین نشست نگه داشته می‌شود</translation>
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation>در حال اتصال به %1…</translation>
        </message>
        <message>
            <source>(already a branch)</source>
            <translation>(از پیش شعبه است)</translation>
        </message>
        <message>
            <source>Choose the site this computer works for</source>
            <translation>شعبه‌ای را که این رایانه برای آن کار می‌کند انتخاب کنید</translation>
        </message>
        <message>
            <source>Every site of the centre is already a branch office; add the site at the centre first (Desk → Staff and teams).</source>
            <translation>همهٔ شعبه‌های مرکز از پیش راه‌اندازی شده‌اند؛ نخست شعبه را در مرکز بیفزایید (میز ← کارکنان و تیم‌ها).</translation>
        </message>
        <message>
            <source>Branch database file</source>
            <translation>پروندهٔ پایگاه دادهٔ شعبه</translation>
        </message>
        <message>
            <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>پایگاه‌های داده‌ی SQLite (*.sqlite3 *.sqlite *.db);;همه‌ی پرونده‌ها (*)</translation>
        </message>
        <message>
            <source>Choose the file of the branch database.</source>
            <translation>پروندهٔ پایگاه دادهٔ شعبه را انتخاب کنید.</translation>
        </message>
        <message>
            <source>Preparing…</source>
            <translation>در حال آماده‌سازی…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>لغو</translation>
        </message>
        <message>
            <source>Cancelling… (removing the unfinished file)</source>
            <translation>در حال لغو… (پروندهٔ نیمه‌کاره پاک می‌شود)</translation>
        </message>
        <message>
            <source>%1 rows copied</source>
            <translation>%1 ردیف کپی شد</translation>
        </message>
        <message>
            <source>Building the search index and indexes…</source>
            <translation>در حال ساختن نمایهٔ جست‌وجو و نمایه‌ها…</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>انجام شد</translation>
        </message>
        <message>
            <source>Copying tickets…</source>
            <translation>در حال کپی تیکت‌ها…</translation>
        </message>
        <message>
            <source>Copying conversations…</source>
            <translation>در حال کپی گفت‌وگوها…</translation>
        </message>
        <message>
            <source>Copying customers…</source>
            <translation>در حال کپی مشتریان…</translation>
        </message>
        <message>
            <source>Copying ticket history…</source>
            <translation>در حال کپی سابقهٔ تیکت‌ها…</translation>
        </message>
        <message>
            <source>Copying the audit log…</source>
            <translation>در حال کپی گزارش ممیزی…</translation>
        </message>
        <message>
            <source>Copying staff and desk settings…</source>
            <translation>در حال کپی کارکنان و تنظیمات میز…</translation>
        </message>
        <message>
            <source>Branch %1 is ready in %2: %3 tickets, %4 customers, %5 staff. The centre no longer numbers %1 tickets; this computer does. Switch to the branch database to work on it (deskapp restarts).</source>
            <translation>شعبهٔ %1 در %2 آماده است: %3 تیکت، %4 مشتری، %5 کارمند. مرکز دیگر به تیکت‌های %1 شماره نمی‌دهد؛ این رایانه می‌دهد. برای کار روی آن به پایگاه دادهٔ شعبه بروید (deskapp دوباره راه‌اندازی می‌شود).</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <source>Could not save the branch profile: %1</source>
            <translation>نمایهٔ شعبه ذخیره نشد: %1</translation>
        </message>
    </context>
    <context>
        <name>ErrorText</name>
        <message>
            <source>A branch database is a local database file: choose a file path.</source>
            <translation>پایگاه دادهٔ شعبه یک پروندهٔ محلی است: مسیر یک پرونده را انتخاب کنید.</translation>
        </message>
        <message>
            <source>{path} already exists and holds data; a branch is only made into a new, empty file. Choose another file, or move that one away.</source>
            <translation>{path} از پیش وجود دارد و داده دارد؛ شعبه فقط در پرونده‌ای تازه و خالی ساخته می‌شود. پروندهٔ دیگری انتخاب کنید یا آن پرونده را جابه‌جا کنید.</translation>
        </message>
        <message>
            <source>Closed history needs a number of days, 0 or more.</source>
            <translation>برای سابقهٔ بسته‌شده تعداد روز لازم است، ۰ یا بیشتر.</translation>
        </message>
        <message>
            <source>The centre must be a shared PostgreSQL database.</source>
            <translation>مرکز باید یک پایگاه دادهٔ مشترک PostgreSQL باشد.</translation>
        </message>
        <message>
            <source>The centre's schema ({central}) is older than this deskapp ({app}): upgrade the central database first.</source>
            <translation>ساختار پایگاه دادهٔ مرکز ({central}) از این deskapp ({app}) قدیمی‌تر است: نخست پایگاه دادهٔ مرکزی را به‌روز کنید.</translation>
        </message>
        <message>
            <source>The centre's schema ({central}) is newer than this deskapp ({app}): upgrade deskapp on this computer first.</source>
            <translation>ساختار پایگاه دادهٔ مرکز ({central}) از این deskapp ({app}) تازه‌تر است: نخست deskapp را روی این رایانه به‌روز کنید.</translation>
        </message>
        <message>
            <source>The central database holds no deskapp desk.</source>
            <translation>در پایگاه دادهٔ مرکزی هیچ میز خدمات deskapp نیست.</translation>
        </message>
        <message>
            <source>This deskapp's database schema has no branch offices.</source>
            <translation>ساختار پایگاه دادهٔ این deskapp از شعبه پشتیبانی نمی‌کند.</translation>
        </message>
        <message>
            <source>The centre has no site {site} (its sites: {known}).</source>
            <translation>مرکز شعبه‌ای به نام {site} ندارد (شعبه‌های آن: {known}).</translation>
        </message>
        <message>
            <source>Site {site} is already a branch office: its database elsewhere holds ticket numbers and changes the centre has not seen. Sync that branch; if its database is lost, set it up again with "deskapp branch init --replace-branch".</source>
            <translation>{site} از پیش شعبه است: پایگاه دادهٔ آن در جای دیگری شماره‌های تیکت و تغییراتی دارد که مرکز هنوز ندیده است. آن شعبه را همگام کنید؛ اگر پایگاه داده‌اش از دست رفته است، آن را با «deskapp branch init --replace-branch» دوباره راه‌اندازی کنید.</translation>
        </message>
        <message>
            <source>The new branch database failed its integrity check and was not kept. Check the free disk space and try again.</source>
            <translation>پایگاه دادهٔ تازهٔ شعبه از بررسی درستی سربلند بیرون نیامد و نگه داشته نشد. فضای خالی دیسک را بررسی کنید و دوباره تلاش کنید.</translation>
        </message>
        <message>
            <source>The branch set-up was cancelled: the unfinished file was removed and the centre still numbers this site's tickets.</source>
            <translation>راه‌اندازی شعبه لغو شد: پروندهٔ نیمه‌کاره پاک شد و مرکز همچنان به تیکت‌های این شعبه شماره می‌دهد.</translation>
        </message>
        <message>
            <source>Cannot work with the database at {host}: {detail}</source>
            <translation>کار با پایگاه دادهٔ {host} ممکن نیست: {detail}</translation>
        </message>
        <message>
            <source>The database server {host} asks for the password of {user}: type it and connect again.</source>
            <translation>کارساز پایگاه دادهٔ {host} گذرواژهٔ {user} را می‌خواهد: آن را بنویسید و دوباره وصل شوید.</translation>
        </message>
        <message>
            <source>Wrong password for the database user {user} on {host}.</source>
            <translation>گذرواژهٔ کاربر پایگاه دادهٔ {user} روی {host} نادرست است.</translation>
        </message>
        <message>
            <source>The database server {host} has no user {user}.</source>
            <translation>کارساز پایگاه دادهٔ {host} کاربری به نام {user} ندارد.</translation>
        </message>
        <message>
            <source>The database server {host} has no database {database}.</source>
            <translation>کارساز پایگاه دادهٔ {host} پایگاه داده‌ای به نام {database} ندارد.</translation>
        </message>
        <message>
            <source>The database server {host} does not let {user} connect from this computer; ask its administrator.</source>
            <translation>کارساز پایگاه دادهٔ {host} به {user} اجازهٔ اتصال از این رایانه را نمی‌دهد؛ از مدیر آن بپرسید.</translation>
        </message>
        <message>
            <source>The host name {host} is not known: check the spelling, or use the server's IP address.</source>
            <translation>نام میزبان {host} شناخته نیست: املای آن را بررسی کنید یا نشانی IP کارساز را به کار ببرید.</translation>
        </message>
        <message>
            <source>{host} refused the connection on port {port}: PostgreSQL is not running there, or listens on another port.</source>
            <translation>{host} اتصال روی درگاه {port} را نپذیرفت: PostgreSQL آنجا اجرا نمی‌شود یا روی درگاه دیگری گوش می‌دهد.</translation>
        </message>
        <message>
            <source>{host} cannot be reached from this computer: check the network or VPN.</source>
            <translation>از این رایانه به {host} دسترسی نیست: شبکه یا VPN را بررسی کنید.</translation>
        </message>
        <message>
            <source>{host} did not answer in time: check the network, or try again later.</source>
            <translation>{host} به‌موقع پاسخ نداد: شبکه را بررسی کنید یا بعداً دوباره تلاش کنید.</translation>
        </message>
        <message>
            <source>The connection to {host} was lost; nothing was kept. Try again when the link is up.</source>
            <translation>اتصال به {host} قطع شد؛ چیزی نگه داشته نشد. وقتی ارتباط برقرار شد دوباره تلاش کنید.</translation>
        </message>
        <message>
            <source>The database server {host} is starting up or shutting down; try again in a minute.</source>
            <translation>کارساز پایگاه دادهٔ {host} در حال راه‌اندازی یا خاموش شدن است؛ یک دقیقهٔ دیگر دوباره تلاش کنید.</translation>
        </message>
        <message>
            <source>The database server {host} has no free connections; try again later.</source>
            <translation>کارساز پایگاه دادهٔ {host} اتصال آزاد ندارد؛ بعداً دوباره تلاش کنید.</translation>
        </message>
    </context>
</TS>
