<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CallLogScreen</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n received</numerusform>
            <numerusform>%n received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answered</source>
        <translation>
            <numerusform>%n answered</numerusform>
            <numerusform>%n answered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n made</source>
        <translation>
            <numerusform>%n made</numerusform>
            <numerusform>%n made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) exported to {path}.</source>
        <translation>
            <numerusform>%n call exported to {path}.</numerusform>
            <numerusform>%n calls exported to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncomingCallBanner</name>
    <message numerus="yes">
        <source>%n earlier call(s) with this number; the last on {when} ({what}).</source>
        <translation>
            <numerusform>%n earlier call with this number; the last on {when} ({what}).</numerusform>
            <numerusform>%n earlier calls with this number; the last on {when} ({what}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>To call back (%n)</source>
        <translation>
            <numerusform>To call back (%n)</numerusform>
            <numerusform>To call back (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed</source>
        <translation>
            <numerusform>%n missed</numerusform>
            <numerusform>%n missed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to call back</source>
        <translation>
            <numerusform>%n to call back</numerusform>
            <numerusform>%n to call back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PausesScreen</name>
    <message numerus="yes">
        <source>%n pause(s) · total pause time {total}</source>
        <translation>
            <numerusform>%n pause · total pause time {total}</numerusform>
            <numerusform>%n pauses · total pause time {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhonePresence</name>
    <message numerus="yes">
        <source>%n to call back</source>
        <translation>
            <numerusform>%n to call back</numerusform>
            <numerusform>%n to call back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message numerus="yes">
        <source>Missed calls: %n</source>
        <translation>
            <numerusform>Missed calls: %n</numerusform>
            <numerusform>Missed calls: %n</numerusform>
        </translation>
    </message>
</context>
</TS>
