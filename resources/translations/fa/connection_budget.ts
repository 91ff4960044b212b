<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections this workstation keeps open to the server (more are opened briefly when busy). Keep it small when many workstations share one server.</source>
        <translation>تعداد اتصال‌هایی که این ایستگاه کاری با سرور باز نگه می‌دارد (در زمان شلوغی چند اتصال دیگر برای مدت کوتاهی باز می‌شود). وقتی ایستگاه‌های کاری زیادی از یک سرور استفاده می‌کنند، آن را کم نگه دارید.</translation>
    </message>
    <message>
        <source>Through a PgBouncer (transaction pooling)</source>
        <translation>از طریق PgBouncer (تجمیع در سطح تراکنش)</translation>
    </message>
    <message>
        <source>Tick when the host and port are a PgBouncer in transaction mode: deskapp then keeps no session state and follows changes by polling instead of listening.</source>
        <translation>وقتی میزبان و درگاه یک PgBouncer در حالت تراکنش است، این را علامت بزنید: آن‌گاه deskapp هیچ وضعیتی در نشست نگه نمی‌دارد و تغییرها را به‌جای گوش دادن، با پرس‌وجوی دوره‌ای دنبال می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>ا&amp;تصال‌ها:</translation>
    </message>
</context>
</TS>
