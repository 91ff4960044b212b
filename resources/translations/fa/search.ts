<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../deskapp/ui/main_window.py" line="271"/>
        <source>More than %1 tickets in view</source>
        <translation>بیش از %1 درخواست در این نما</translation>
    </message>
</context>
</TS>
