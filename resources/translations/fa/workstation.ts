<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<!-- Workstation polish (issue 9, points 2-7): queue, ticket view, banner, bell, language. -->
<context>
    <name>Composer</name>
    <message>
        <source>The channel the reply goes out on</source>
        <translation>کانالی که پاسخ از آن فرستاده می‌شود</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>{customer} has no email address on record: reply on another channel, or add the address to the customer first.</source>
        <translation>برای ‏{customer} نشانی ایمیلی ثبت نشده است: از کانال دیگری پاسخ دهید یا نخست نشانی را به مشتری بیفزایید.</translation>
    </message>
    <message>
        <source>{customer} has no phone number on record: reply on another channel, or add a number to the customer first.</source>
        <translation>برای ‏{customer} شماره تلفنی ثبت نشده است: از کانال دیگری پاسخ دهید یا نخست شماره‌ای به مشتری بیفزایید.</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>No notifications. Warnings and breaches of the SLA clocks of your tickets appear here.</source>
        <translation>اعلانی نیست. هشدارها و نقض‌های زمان‌سنج‌های توافق سطح خدمت درخواست‌های شما اینجا نشان داده می‌شوند.</translation>
    </message>
</context>
</TS>
