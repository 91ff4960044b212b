<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>FeedFollower</name>
    <message>
        <location filename="../../../deskapp/ui/live/feed_follower.py" line="102"/>
        <source>Connection lost — reconnecting…</source>
        <translation>اتصال قطع شد — در حال اتصال دوباره…</translation>
    </message>
</context>
</TS>
