; Inno Setup script: installs the one-folder bundle (dist\tvdesk) for the current user and
; registers tvdesk for tel: and callto: links. Windows 10+ lets the user pick the default
; app for tel:, so tvdesk also registers its capabilities under RegisteredApplications.
; Build on Windows after `pyinstaller packaging\pyinstaller\tvdesk.spec`: iscc tvdesk.iss

#define AppName "tvdesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6E2F8A4C-6B1D-4E54-9C8E-7A1D2B3C4D5E}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\tvdesk
PrivilegesRequired=lowest
OutputBaseFilename=tvdesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "pt_BR"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\tvdesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\tvdesk"; Filename: "{app}\tvdesk.exe"

[Registry]
; tel: and callto: open tvdesk (per user: HKCU)
Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueData: "URL:tel"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\tel\shell\open\command"; ValueType: string; ValueData: """{app}\tvdesk.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueData: "URL:callto"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\callto\shell\open\command"; ValueType: string; ValueData: """{app}\tvdesk.exe"" ""%1"""
; Default Apps: a ProgID and the capabilities Windows lists tvdesk under
Root: HKCU; Subkey: "Software\Classes\tvdesk.PhoneLink"; ValueType: string; ValueData: "tvdesk phone link"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\tvdesk.PhoneLink\shell\open\command"; ValueType: string; ValueData: """{app}\tvdesk.exe"" ""%1"""
Root: HKCU; Subkey: "Software\tvdesk\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "tvdesk"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\tvdesk\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Call-center desktop for TotalVoice (Zenvia Voice)"
Root: HKCU; Subkey: "Software\tvdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "tvdesk.PhoneLink"
Root: HKCU; Subkey: "Software\tvdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "tvdesk.PhoneLink"
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "tvdesk"; ValueData: "Software\tvdesk\Capabilities"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\tvdesk.exe"; Description: "{cm:LaunchProgram,tvdesk}"; Flags: nowait postinstall skipifsilent
