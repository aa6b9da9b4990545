<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that Qt's Portuguese (qtbase_pt_BR) lacks: Qt 6.12 gave the file
     dialog's labels mnemonics ("Look &in:", "Files of &type:") that its translation does
     not have yet, and the dialog showed them in English. Loaded after qtbase_pt_BR; a test
     checks that each is still missing there (so none shadows Qt's own). -->
<TS version="2.1" language="pt_BR">
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look &amp;in:</source>
        <translation>Procurar &amp;em:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Arquivos do &amp;tipo:</translation>
    </message>
</context>
</TS>
