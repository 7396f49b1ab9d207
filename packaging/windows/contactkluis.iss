; Inno Setup script: per-user install of the one-folder bundle (no administrator rights).
; Build on Windows after `python packaging\build.py`:  iscc packaging\windows\contactkluis.iss
#define AppName "Contactkluis"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1B7E52-4C0B-4E0E-9B6A-2B8C3C1F7A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Contactkluis
VersionInfoVersion={#AppVersion}
VersionInfoDescription=Versleutelde contactenadministratie volgens de AVG
; Per-user: installs under %LOCALAPPDATA%\Programs without a UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist\installer
OutputBaseFilename=contactkluis-{#AppVersion}-setup
SetupIconFile=contactkluis.ico
UninstallDisplayIcon={app}\contactkluis.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The bundle is 64-bit only: refuse 32-bit Windows, install in 64-bit mode.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\contactkluis\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\contactkluis.exe"
Name: "{group}\Contactkluis opdrachtregel"; Filename: "{cmd}"; Parameters: "/k ""{app}\contactkluis-cli.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\contactkluis.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\contactkluis.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Uninstall removes only what [Files] installed. The vault, its key file and backups live in
; the user's data folder (%LOCALAPPDATA%\Contactkluis) and in folders the user chose: they are
; deliberately left in place. No [UninstallDelete] entries touch them.
