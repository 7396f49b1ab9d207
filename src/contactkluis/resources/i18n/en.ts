<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Over Contactkluis</source>
        <translation>About Contactkluis</translation>
    </message>
    <message>
        <source>Versleutelde contactenadministratie volgens de AVG voor kleine culturele instellingen. Uitgegeven onder de EUPL-1.2.</source>
        <translation>Encrypted, GDPR-aware contact management for small cultural institutions. Released under the EUPL-1.2.</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Licentie</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Gebruikte onderdelen:</source>
        <translation>Components used:</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Account toevoegen</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord voor %1</source>
        <translation>New password for %1</translation>
    </message>
    <message>
        <source>medewerker</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>beheerder</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Accountnaam:</source>
        <translation>Account name:</translation>
    </message>
    <message>
        <source>Rol:</source>
        <translation>Role:</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Uw beheerdersaccount</source>
        <translation>Your administrator account</translation>
    </message>
    <message>
        <source>De beheerder maakt accounts voor collega&apos;s en beheert doelen en bewaartermijnen. Er zijn geen regels voor hoofdletters of tekens: lengte telt.</source>
        <translation>The administrator creates accounts for colleagues and manages purposes and retention periods. There are no rules about capitals or symbols: length is what counts.</translation>
    </message>
    <message>
        <source>Kluis maken</source>
        <translation>Create vault</translation>
    </message>
    <message>
        <source>De kluis wordt gemaakt en de sleutel berekend…</source>
        <translation>Creating the vault and deriving the key…</translation>
    </message>
    <message>
        <source>Accountnaam:</source>
        <translation>Account name:</translation>
    </message>
</context>
<context>
    <name>AccountsSection</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Aangemaakt</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Toevoegen…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Wachtwoord opnieuw instellen…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Rol wijzigen</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>beheerder</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>medewerker</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Account %1 toegevoegd.</source>
        <translation>Account %1 added.</translation>
    </message>
    <message>
        <source>Wachtwoord van %1 gewijzigd.</source>
        <translation>Password of %1 changed.</translation>
    </message>
    <message>
        <source>De rol van %1 wijzigen in %2?</source>
        <translation>Change the role of %1 to %2?</translation>
    </message>
    <message>
        <source>Rol van %1 gewijzigd.</source>
        <translation>Role of %1 changed.</translation>
    </message>
    <message>
        <source>Account verwijderen</source>
        <translation>Remove account</translation>
    </message>
    <message>
        <source>Het account %1 verwijderen? Deze persoon kan de kluis daarna niet meer openen.</source>
        <translation>Remove the account %1? This person can no longer open the vault afterwards.</translation>
    </message>
    <message>
        <source>Account %1 verwijderd.</source>
        <translation>Account %1 removed.</translation>
    </message>
</context>
<context>
    <name>AddRequestDialog</name>
    <message>
        <source>Verzoek registreren</source>
        <translation>Register request</translation>
    </message>
    <message>
        <source>Identiteit van de verzoeker is gecontroleerd</source>
        <translation>Requester&apos;s identity has been verified</translation>
    </message>
    <message>
        <source>Hoe kwam het verzoek binnen? (geen kopie van een identiteitsbewijs bewaren)</source>
        <translation>How did the request come in? (do not keep a copy of an ID document)</translation>
    </message>
    <message>
        <source>Soort verzoek</source>
        <translation>Type of request</translation>
    </message>
    <message>
        <source>Van wie</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Ontvangen op</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Voor dit soort verzoek moet de identiteit vaststaan voordat u het afhandelt. Vraag bijvoorbeeld om een reactie vanaf het bekende e-mailadres.</source>
        <translation>For this type of request the identity must be established before you handle it. For example, ask for a reply from the known e-mail address.</translation>
    </message>
    <message>
        <source>Het verzoek vastleggen voor %1?</source>
        <translation>Register the request for %1?</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <source>Back-up niet gelukt</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Back-up gemaakt</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <source>De back-up is gemaakt en gecontroleerd: hij is terug te zetten.

Map: %1
Bestand: %2</source>
        <translation>The backup has been made and checked: it can be restored.

Folder: %1
File: %2</translation>
    </message>
</context>
<context>
    <name>BackupTexts</name>
    <message>
        <source>nog geen back-up gemaakt</source>
        <translation>no backup made yet</translation>
    </message>
    <message>
        <source>laatste back-up: vandaag</source>
        <translation>last backup: today</translation>
    </message>
    <message numerus="yes">
        <source>laatste back-up: %n dag(en) geleden</source>
        <translation>
            <numerusform>last backup: %n day ago</numerusform>
            <numerusform>last backup: %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseRequestDialog</name>
    <message>
        <source>Verzoek %1 afsluiten</source>
        <translation>Close request %1</translation>
    </message>
    <message>
        <source>Afgehandeld</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>Afgewezen</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Identiteit van de verzoeker is gecontroleerd</source>
        <translation>Requester&apos;s identity has been verified</translation>
    </message>
    <message>
        <source>Wat is er gedaan, of waarom wordt het afgewezen</source>
        <translation>What was done, or why it is rejected</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Voor</source>
        <translation>For</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>naam, e-mailadres, telefoon of #nummer</source>
        <translation>name, e-mail address, phone or #number</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Zonder contact vastleggen</source>
        <translation>Register without a contact</translation>
    </message>
    <message numerus="yes">
        <source>%n personen gevonden: klik op de juiste persoon.</source>
        <translation>
            <numerusform>%n person found: click the right person.</numerusform>
            <numerusform>%n people found: click the right person.</numerusform>
        </translation>
    </message>
    <message>
        <source>Niemand gevonden. U kunt het verzoek ook zonder contact vastleggen (bijvoorbeeld als u niets van de persoon heeft).</source>
        <translation>No one found. You can also register the request without a contact (for example if you hold nothing on the person).</translation>
    </message>
    <message>
        <source>Kies eerst de persoon in de lijst (klik erop), of vink “Zonder contact vastleggen” aan.</source>
        <translation>First choose the person in the list (click it), or tick “Register without a contact”.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Onverwachte fout</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Er ging iets mis dat niet had mogen gebeuren. Wat u net deed, is mogelijk niet opgeslagen; uw andere gegevens staan veilig in de kluis.

Meld dit aan de leverancier met deze code (er staan geen persoonsgegevens in):
{0}</source>
        <translation>Something went wrong that should not have happened. What you just did may not have been saved; your other data is safe in the vault.

Please report this to the supplier with this code (it contains no personal data):
{0}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Contactkluis instellen</source>
        <translation>Set up Contactkluis</translation>
    </message>
</context>
<context>
    <name>HandbookDialog</name>
    <message>
        <source>Handleiding Contactkluis</source>
        <translation>Contactkluis handbook</translation>
    </message>
</context>
<context>
    <name>HelpLink</name>
    <message>
        <source>Wat betekent dit?</source>
        <translation>What does this mean?</translation>
    </message>
    <message>
        <source>Opent de handleiding bij de uitleg</source>
        <translation>Opens the handbook at the explanation</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Bestanden</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Koppeling</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>Proefimport</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Verslag</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Kies de oude Excel- en CSV-lijsten die naar de kluis moeten, of sleep ze op dit venster. Er wordt pas iets opgeslagen als u op de laatste stap op Importeren klikt.</source>
        <translation>Choose the old Excel and CSV lists that should go into the vault, or drag them onto this window. Nothing is saved until you click Import at the last step.</translation>
    </message>
    <message>
        <source>Bestanden kiezen…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Verwijderen uit de lijst</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <source>Volgende: koppeling</source>
        <translation>Next: mapping</translation>
    </message>
    <message>
        <source>Bestand / werkblad</source>
        <translation>File / sheet</translation>
    </message>
    <message>
        <source>Rijen</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Koppeling opslaan…</source>
        <translation>Save mapping…</translation>
    </message>
    <message>
        <source>Koppeling laden</source>
        <translation>Load mapping</translation>
    </message>
    <message>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Volgende: proefimport</source>
        <translation>Next: dry run</translation>
    </message>
    <message>
        <source>Bestanden kiezen</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <source>Spreadsheets (%1)</source>
        <translation>Spreadsheets (%1)</translation>
    </message>
    <message>
        <source>Lezen mislukt</source>
        <translation>Reading failed</translation>
    </message>
    <message numerus="yes">
        <source>%n werkblad(en)</source>
        <translation>
            <numerusform>%n sheet</numerusform>
            <numerusform>%n sheets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rij(en)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Koppeling opslaan</source>
        <translation>Save mapping</translation>
    </message>
    <message>
        <source>Naam van de koppeling:</source>
        <translation>Name of the mapping:</translation>
    </message>
    <message>
        <source>Opslaan mislukt</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>Laden mislukt</source>
        <translation>Loading failed</translation>
    </message>
    <message>
        <source>Deze koppeling hoort bij andere bestanden of werkbladen; er is niets veranderd.</source>
        <translation>This mapping belongs to other files or sheets; nothing was changed.</translation>
    </message>
    <message>
        <source>Importeren mislukt</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Er is niets opgeslagen; de kluis is ongewijzigd.</source>
        <translation>Nothing was saved; the vault is unchanged.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>(bijzonder gegeven: apart gemarkeerd)</source>
        <translation>(special-category data: flagged separately)</translation>
    </message>
    <message>
        <source>ja, sinds %1 (opnieuw bevestigen)</source>
        <translation>yes, since %1 (to reconfirm)</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>afgemeld per %1</source>
        <translation>unsubscribed on %1</translation>
    </message>
    <message>
        <source>%1 van de eerste %2 rijen: ongeldig e-mailadres</source>
        <translation>%1 of the first %2 rows: invalid e-mail address</translation>
    </message>
    <message>
        <source>%1 van de eerste %2 rijen: ongeldig telefoonnummer</source>
        <translation>%1 of the first %2 rows: invalid phone number</translation>
    </message>
    <message>
        <source>%1 van de eerste %2 rijen: ongeldige postcode</source>
        <translation>%1 of the first %2 rows: invalid postcode</translation>
    </message>
    <message>
        <source>%1 van de eerste %2 rijen noemen mogelijk bijzondere persoonsgegevens (zoals gezondheid of geloof); die worden apart bewaard en gemarkeerd</source>
        <translation>%1 of the first %2 rows may mention special-category data (such as health or religion); these are stored separately and flagged</translation>
    </message>
    <message>
        <source>Toestemming uit een oude lijst moet opnieuw worden bevestigd</source>
        <translation>Consent from a legacy list must be reconfirmed</translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <source>Welkom bij Contactkluis</source>
        <translation>Welcome to Contactkluis</translation>
    </message>
    <message>
        <source>Contactkluis bewaart de contactgegevens van uw instelling versleuteld op deze computer. We richten eerst de kluis in.</source>
        <translation>Contactkluis keeps your institution&apos;s contact data encrypted on this computer. First we set up the vault.</translation>
    </message>
    <message>
        <source>bijv. Stichting Oude Molen</source>
        <translation>e.g. Old Mill Foundation</translation>
    </message>
    <message>
        <source>Naam van de instelling:</source>
        <translation>Name of the institution:</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Een deel van het kluisbestand is beschadigd (bijvoorbeeld door een schijf- of kopieerfout). Wijzigen kan niet meer, zodat de schade niet wordt overschreven. Sluit de kluis en zet een back-up terug; &apos;contactkluis verify&apos; zegt wat er mis is.</source>
        <translation>Part of the vault file is damaged (for example by a disk or copy error). Changes are no longer possible, so that the damage is not written over. Close the vault and restore a backup; &apos;contactkluis verify&apos; says what is wrong.</translation>
    </message>
    <message>
        <source>Let op: deze kluis is beschadigd</source>
        <translation>Warning: this vault is damaged</translation>
    </message>
    <message>
        <source>Sleutels of rollen van deze kluis zijn buiten Contactkluis om gewijzigd. Vertrouw de rollen en accounts niet tot dit is uitgezocht.</source>
        <translation>Keys or roles of this vault were changed outside Contactkluis. Do not trust the roles and accounts until this has been looked into.</translation>
    </message>
    <message>
        <source>Het logboek is ingekort, herschreven of niet meer beschermd: wat er met de kluis is gedaan, is niet meer volledig na te gaan.</source>
        <translation>The audit log was cut, rewritten or is no longer protected: what was done with the vault can no longer be fully traced.</translation>
    </message>
    <message>
        <source>De rollen en sleutels van deze kluis zijn nog niet ondertekend. Open de kluis als beheerder (niet alleen-lezen) om ze te ondertekenen.</source>
        <translation>The roles and keys of this vault are not signed yet. Open the vault as a beheerder (not read-only) to sign them.</translation>
    </message>
    <message>
        <source>Let op: deze kluis is buiten Contactkluis om gewijzigd</source>
        <translation>Warning: this vault was changed outside Contactkluis</translation>
    </message>
    <message>
        <source>Let op: deze kluis is nog niet ondertekend</source>
        <translation>Warning: this vault is not signed yet</translation>
    </message>
    <message>
        <source>Voer &apos;contactkluis verify&apos; uit en zet zo nodig een back-up terug. Wat er gevonden is:</source>
        <translation>Run &apos;contactkluis verify&apos; and restore a backup if needed. What was found:</translation>
    </message>
</context>
<context>
    <name>KeysSection</name>
    <message>
        <source>Sleutels</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Vervang de sleutel nadat iemand met een kopie van het kluisbestand is vertrokken. Maak een nieuwe herstelsleutel als de oude zoek is of bij de verkeerde persoon kan zijn.</source>
        <translation>Replace the key after someone who may have a copy of the vault file has left. Make a new recovery key if the old one is lost or may be in the wrong hands.</translation>
    </message>
    <message>
        <source>Sleutel vervangen…</source>
        <translation>Replace key…</translation>
    </message>
    <message>
        <source>Nieuwe herstelsleutel…</source>
        <translation>New recovery key…</translation>
    </message>
    <message>
        <source>Sleutel vervangen</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <source>De kluis wordt opnieuw versleuteld met een nieuwe sleutel. Doe dit na het vertrek van iemand die een kopie van het kluisbestand kan hebben: kopieën en back-ups van ná dit moment gaan dan niet open met een oud wachtwoord of een oude kopie van het sleutelbestand. Een kopie die al bestaat, blijft met de oude wachtwoorden te openen.

De wachtwoorden en de herstelsleutel blijven gelijk. Doorgaan?</source>
        <translation>The vault will be re-encrypted with a new key. Do this after someone who may have a copy of the vault file has left: copies and backups made after this moment will not open with an old password or an old copy of the key file. A copy that already exists still opens with the old passwords.

Passwords and the recovery key stay the same. Continue?</translation>
    </message>
    <message>
        <source>Sleutel niet vervangen</source>
        <translation>Key not replaced</translation>
    </message>
    <message>
        <source>De sleutel is vervangen.</source>
        <translation>The key has been replaced.</translation>
    </message>
    <message>
        <source>De kluis heeft een nieuwe sleutel. Maak nu een nieuwe back-up: oudere back-ups gaan nog open met de wachtwoorden en de herstelsleutel van toen.

Kende iemand die niet meer bij de kluis mag de herstelsleutel? Maak dan ook een nieuwe herstelsleutel.</source>
        <translation>The vault has a new key. Make a new backup now: older backups still open with the passwords and the recovery key of their time.

Did someone who should no longer have access know the recovery key? Then make a new recovery key as well.</translation>
    </message>
    <message>
        <source>Nieuwe herstelsleutel</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>Er wordt een nieuwe herstelsleutel gemaakt en één keer getoond. De huidige herstelsleutel opent deze kluis daarna niet meer (oude back-ups wel nog).

Doorgaan?</source>
        <translation>A new recovery key will be made and shown once. The current recovery key will no longer open this vault (old backups still open with it).

Continue?</translation>
    </message>
    <message>
        <source>Er is een nieuwe herstelsleutel gemaakt.</source>
        <translation>A new recovery key has been made.</translation>
    </message>
    <message>
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Waar komt de kluis?</source>
        <translation>Where should the vault go?</translation>
    </message>
    <message>
        <source>De kluis is één versleuteld bestand met een sleutelbestand ernaast. Kies een map die in de back-up van deze computer zit.</source>
        <translation>The vault is one encrypted file with a key file next to it. Choose a folder that is included in this computer&apos;s backup.</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Bestand van de kluis:</source>
        <translation>Vault file:</translation>
    </message>
    <message>
        <source>Kluis opslaan als</source>
        <translation>Save vault as</translation>
    </message>
    <message>
        <source>Contactkluis-kluis (*%1)</source>
        <translation>Contactkluis vault (*%1)</translation>
    </message>
    <message>
        <source>Daar staat al een kluis; kies een andere naam of map.</source>
        <translation>A vault already exists there; choose another name or folder.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contacten</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Privacy-overzicht</source>
        <translation>Privacy overview</translation>
    </message>
    <message>
        <source>Verzoeken</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Bewaartermijnen</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Statistiek</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Nieuw contact</source>
        <translation>&amp;New contact</translation>
    </message>
    <message>
        <source>&amp;Over Contactkluis</source>
        <translation>&amp;About Contactkluis</translation>
    </message>
    <message>
        <source>&amp;Handleiding</source>
        <translation>&amp;Handbook</translation>
    </message>
    <message>
        <source>&amp;Back-up maken…</source>
        <translation>Make a &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Werkbalk</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>beheerder</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>medewerker</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>alleen-lezen</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>Map voor de back-up</source>
        <translation>Folder for the backup</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>Wachtwoord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>Kies een wachtwoord van minstens %1 tekens; een zin van een paar woorden werkt goed.</source>
        <translation>Choose a password of at least %1 characters; a phrase of a few words works well.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Dit wachtwoord is goed.</source>
        <translation>This password is fine.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Privacy-overzicht</source>
        <translation>Privacy overview</translation>
    </message>
    <message>
        <source>bewaartermijn verlopen</source>
        <translation>retention period expired</translation>
    </message>
    <message>
        <source>verloopt binnenkort</source>
        <translation>expires soon</translation>
    </message>
    <message>
        <source>open verzoeken van betrokkenen</source>
        <translation>open data subject requests</translation>
    </message>
    <message>
        <source>met bijzondere persoonsgegevens</source>
        <translation>with special-category data</translation>
    </message>
    <message>
        <source>verwerking beperkt</source>
        <translation>processing restricted</translation>
    </message>
    <message>
        <source>mogelijke dubbelen om na te kijken</source>
        <translation>possible duplicates to review</translation>
    </message>
    <message>
        <source>dagen sinds de laatste back-up</source>
        <translation>days since the last backup</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Nog</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Toestemming opnieuw te bevestigen (per doel)</source>
        <translation>Consent to reconfirm (per purpose)</translation>
    </message>
    <message>
        <source>Open verzoeken en hun termijnen</source>
        <translation>Open requests and their deadlines</translation>
    </message>
    <message>
        <source>een back-up gemaakt</source>
        <translation>backed up</translation>
    </message>
    <message>
        <source>nooit</source>
        <translation>never</translation>
    </message>
    <message>
        <source>de laatste back-up gemaakt</source>
        <translation>the last backup was made</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>sinds de laatste back-up</source>
        <translation>since the last backup</translation>
    </message>
    <message numerus="yes">
        <source>Let op: %n verzoek(en) over de termijn.</source>
        <translation>
            <numerusform>Attention: %n request past its deadline.</numerusform>
            <numerusform>Attention: %n requests past their deadline.</numerusform>
        </translation>
    </message>
    <message>
        <source>Er zijn records over hun bewaartermijn; bekijk ze bij Bewaartermijnen.</source>
        <translation>Some records are past their retention period; review them under Retention.</translation>
    </message>
    <message>
        <source>Niets over de termijn.</source>
        <translation>Nothing past its deadline.</translation>
    </message>
    <message numerus="yes">
        <source>%n dag(en) te laat</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dag(en)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishedTableModel</name>
    <message>
        <source>x = afgeschermd: een aantal onder %1, of een ander aantal (dat groot kan zijn) dat verborgen is zodat een klein aantal niet terug te rekenen is.</source>
        <translation>x = suppressed: a count below %1, or another count (which may be large) hidden so that a small count cannot be worked out.</translation>
    </message>
    <message>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Aantal</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Wachtwoord vergeten</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Voer de herstelsleutel in die bij het instellen van de kluis is afgedrukt of als PDF bewaard. Daarna kiest u een nieuw wachtwoord voor een account.</source>
        <translation>Enter the recovery key that was printed or saved as PDF when the vault was set up. Then choose a new password for an account.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Controleren</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Wachtwoord opslaan</source>
        <translation>Save password</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Nieuwe herstelsleutel</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>Dit is de nieuwe herstelsleutel. Hij wordt maar één keer getoond: druk hem af of bewaar hem als PDF, en berg hem veilig op, niet op deze computer. Vernietig het papier met de oude herstelsleutel.</source>
        <translation>This is the new recovery key. It is shown only once: print it or save it as a PDF, and keep it somewhere safe, not on this computer. Destroy the paper with the old recovery key.</translation>
    </message>
    <message>
        <source>Ik heb de herstelsleutel veilig opgeborgen</source>
        <translation>I have stored the recovery key safely</translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>U ziet deze herstelsleutel daarna nooit meer, en de oude werkt niet meer. Toch sluiten?</source>
        <translation>You will never see this recovery key again, and the old one no longer works. Close anyway?</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyView</name>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Herstelsleutel Contactkluis</source>
        <translation>Contactkluis recovery key</translation>
    </message>
    <message>
        <source>Bewaar dit papier op een veilige plek, gescheiden van de computer met de kluis. Wie deze sleutel en het kluisbestand heeft, kan alle gegevens lezen.</source>
        <translation>Keep this paper in a safe place, away from the computer with the vault. Whoever has this key and the vault file can read all the data.</translation>
    </message>
    <message>
        <source>Herstelsleutel opslaan als PDF</source>
        <translation>Save recovery key as PDF</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Opgeslagen als %1 in de map %2</source>
        <translation>Saved as %1 in the folder %2</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Uw herstelsleutel</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <source>Met deze sleutel komt u in de kluis als alle wachtwoorden vergeten zijn.</source>
        <translation>This key opens the vault when every password is forgotten.</translation>
    </message>
    <message>
        <source>De sleutel wordt maar één keer getoond. Druk hem af of bewaar hem als PDF, en berg hem veilig op, niet op deze computer.</source>
        <translation>The key is shown only once. Print it or save it as PDF, and keep it somewhere safe, not on this computer.</translation>
    </message>
    <message>
        <source>Ik heb de herstelsleutel veilig opgeborgen</source>
        <translation>I have stored the recovery key safely</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Werkblad</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Rij</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Eerste</source>
        <translation>First</translation>
    </message>
    <message>
        <source>Tweede</source>
        <translation>Second</translation>
    </message>
    <message>
        <source>Gelijkenis</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Let op</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Verslag opslaan (JSON)…</source>
        <translation>Save report (JSON)…</translation>
    </message>
    <message>
        <source>Nieuwe import</source>
        <translation>New import</translation>
    </message>
    <message>
        <source>De gegevens staan nu versleuteld in de kluis. De oude lijsten zijn dat niet: zolang er ergens een kopie bestaat, staan de persoonsgegevens nog onbeveiligd op straat. Verwijder daarom de oude bestanden en al hun kopieën, en vink hieronder af wat u heeft gedaan. Bewaar geen kopie &quot;voor de zekerheid&quot;: de kluis heeft back-ups.</source>
        <translation>The data is now encrypted in the vault. The old lists are not: as long as a copy exists anywhere, the personal data is still lying around unprotected. So delete the old files and all their copies, and tick off below what you have done. Do not keep a copy &quot;just in case&quot;: the vault has backups.</translation>
    </message>
    <message>
        <source>De geïmporteerde bestanden zelf verwijderd (zie de lijst hierboven)</source>
        <translation>Deleted the imported files themselves (see the list above)</translation>
    </message>
    <message>
        <source>Oudere versies en kopieën ervan verwijderd (bijv. &apos;kopie van…&apos;, &apos;v2&apos;, back-upmappen)</source>
        <translation>Deleted older versions and copies of them (e.g. &apos;copy of…&apos;, &apos;v2&apos;, backup folders)</translation>
    </message>
    <message>
        <source>E-mailbijlagen verwijderd: in verzonden én ontvangen berichten, ook bij collega&apos;s</source>
        <translation>Deleted e-mail attachments: in sent and received messages, colleagues&apos; too</translation>
    </message>
    <message>
        <source>USB-sticks en externe schijven nagekeken en opgeschoond</source>
        <translation>Checked and cleaned USB sticks and external drives</translation>
    </message>
    <message>
        <source>Netwerkschijven en gedeelde mappen opgeschoond</source>
        <translation>Cleaned network drives and shared folders</translation>
    </message>
    <message>
        <source>Cloudmappen (OneDrive, Dropbox, Google Drive) opgeschoond, inclusief hun prullenbak en versiegeschiedenis</source>
        <translation>Cleaned cloud folders (OneDrive, Dropbox, Google Drive), including their bin and version history</translation>
    </message>
    <message>
        <source>De prullenbak van deze computer geleegd</source>
        <translation>Emptied the recycle bin of this computer</translation>
    </message>
    <message>
        <source>Alles afgevinkt. Goed gedaan.</source>
        <translation>All ticked off. Well done.</translation>
    </message>
    <message>
        <source>%1 van %2 afgevinkt</source>
        <translation>%1 of %2 ticked off</translation>
    </message>
    <message>
        <source>Er is nog geen back-up van de kluis. Maak eerst een back-up (Bestand → Back-up maken…); ruim pas daarna de oude bestanden op, want tot dan zijn zij de enige andere kopie.</source>
        <translation>There is no backup of the vault yet. Make a backup first (File → Make a backup…); only then clean up the old files, because until then they are the only other copy.</translation>
    </message>
    <message>
        <source>De import is klaar. Alles is in één keer opgeslagen.</source>
        <translation>The import is finished. Everything was saved in one go.</translation>
    </message>
    <message>
        <source>nieuwe personen</source>
        <translation>new people</translation>
    </message>
    <message>
        <source>samengevoegde rijen</source>
        <translation>merged rows</translation>
    </message>
    <message>
        <source>aangevulde bestaande contacten</source>
        <translation>existing contacts completed</translation>
    </message>
    <message>
        <source>niet te importeren rijen</source>
        <translation>rows that cannot be imported</translation>
    </message>
    <message>
        <source>gemarkeerd (bijzondere gegevens)</source>
        <translation>flagged (special-category data)</translation>
    </message>
    <message>
        <source>onderdrukt (eerder gewist)</source>
        <translation>suppressed (erased earlier)</translation>
    </message>
    <message>
        <source>mogelijke dubbelen</source>
        <translation>possible duplicates</translation>
    </message>
    <message>
        <source>overgeslagen rijen en bladen</source>
        <translation>skipped rows and sheets</translation>
    </message>
    <message>
        <source>Niet geïmporteerd (%1)</source>
        <translation>Not imported (%1)</translation>
    </message>
    <message>
        <source>Gemarkeerd (%1)</source>
        <translation>Flagged (%1)</translation>
    </message>
    <message>
        <source>Onderdrukt (%1)</source>
        <translation>Suppressed (%1)</translation>
    </message>
    <message>
        <source>Mogelijke dubbelen (%1)</source>
        <translation>Possible duplicates (%1)</translation>
    </message>
    <message>
        <source>Niet overgenomen kolommen (%1)</source>
        <translation>Columns not taken over (%1)</translation>
    </message>
    <message>
        <source>Oude bestanden opruimen</source>
        <translation>Clean up old files</translation>
    </message>
    <message>
        <source>Geïmporteerde bestanden: %1</source>
        <translation>Imported files: %1</translation>
    </message>
    <message>
        <source>mogelijk bijzondere persoonsgegevens (%1)</source>
        <translation>possibly special-category data (%1)</translation>
    </message>
    <message>
        <source>contact %1</source>
        <translation>contact %1</translation>
    </message>
    <message>
        <source>lijkende naam, zelfde postcode</source>
        <translation>similar name, same postcode</translation>
    </message>
    <message>
        <source>zelfde naam, andere postcode</source>
        <translation>same name, different postcode</translation>
    </message>
    <message>
        <source>Beide openen</source>
        <translation>Open both</translation>
    </message>
    <message>
        <source>Importverslag opslaan</source>
        <translation>Save import report</translation>
    </message>
    <message>
        <source>JSON-bestanden (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Opslaan mislukt</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>Het verslag kon niet worden opgeslagen in &apos;%1&apos;.</source>
        <translation>The report could not be saved to &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Verzoeken van betrokkenen</source>
        <extracomment>tests and scripts may replace the dialog factories (like MessageBox presets)</extracomment>
        <translation>Data subject requests</translation>
    </message>
    <message>
        <source>Inzage, correctie, verwijdering, bezwaar: antwoord binnen een maand na ontvangst; verlengen met twee maanden kan één keer, met een reden, binnen die eerste maand.</source>
        <translation>Access, rectification, erasure, objection: answer within one month of receipt; the deadline can be extended once by two months, with a reason, within that first month.</translation>
    </message>
    <message>
        <source>Ook afgesloten verzoeken tonen</source>
        <translation>Show closed requests too</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Identiteit</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Nieuw verzoek…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <source>Verlengen…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <source>Afsluiten…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Inzage-export maken…</source>
        <translation>Create access export…</translation>
    </message>
    <message>
        <source>Gegevens wissen…</source>
        <translation>Erase data…</translation>
    </message>
    <message>
        <source>Contact openen</source>
        <translation>Open contact</translation>
    </message>
    <message>
        <source>Meer</source>
        <translation>More</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>verlengd</source>
        <translation>extended</translation>
    </message>
    <message>
        <source>afgehandeld</source>
        <translation>handled</translation>
    </message>
    <message>
        <source>afgewezen</source>
        <translation>rejected</translation>
    </message>
    <message numerus="yes">
        <source>%n dag(en) te laat</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>nog %n dag(en)</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>gecontroleerd</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>nog niet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan een inzage-export maken</source>
        <translation>Only an administrator can create an access export</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan gegevens wissen</source>
        <translation>Only an administrator can erase data</translation>
    </message>
    <message>
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Verzoek %1 is geregistreerd voor %2.</source>
        <translation>Request %1 has been registered for %2.</translation>
    </message>
    <message>
        <source>Verzoek %1 is geregistreerd zonder contact.</source>
        <translation>Request %1 has been registered without a contact.</translation>
    </message>
    <message>
        <source>Termijn verlengen</source>
        <translation>Extend deadline</translation>
    </message>
    <message>
        <source>Waarom is meer tijd nodig? Deze reden moet u de persoon ook laten weten.</source>
        <translation>Why is more time needed? You must also tell the person this reason.</translation>
    </message>
    <message>
        <source>Verzoek %1 is verlengd tot %2.</source>
        <translation>Request %1 has been extended to %2.</translation>
    </message>
    <message>
        <source>Verzoek %1 is afgesloten.</source>
        <translation>Request %1 has been closed.</translation>
    </message>
    <message>
        <source>De identiteit van de verzoeker is nog niet gecontroleerd. Is die nu vastgesteld?</source>
        <translation>The requester&apos;s identity has not been verified yet. Has it been established now?</translation>
    </message>
    <message>
        <source>Map voor de inzage-export</source>
        <translation>Folder for the access export</translation>
    </message>
    <message>
        <source>Inzage-export gemaakt</source>
        <translation>Access export created</translation>
    </message>
    <message>
        <source>Geschreven in &apos;%1&apos;: %2.

Stuur de bestanden via een beveiligde weg en verwijder daarna uw eigen kopie. Sluit het verzoek af als het is verstuurd.</source>
        <translation>Written to &apos;%1&apos;: %2.

Send the files by a secure route and then delete your own copy. Close the request once it has been sent.</translation>
    </message>
    <message>
        <source>Inzage-export voor verzoek %1 gemaakt.</source>
        <translation>Access export for request %1 created.</translation>
    </message>
    <message>
        <source>Contact #%1 wordt definitief gewist:

• naam, adres, e-mailadressen, telefoonnummers, notities, toestemmingen, relaties en herkomst verdwijnen uit de kluis en uit de zoekindex;
• van de e-mailadressen en telefoonnummers blijft alleen een onleesbare vingerafdruk op de verwijderlijst, zodat een latere import de persoon niet opnieuw toevoegt;
• het verzoek zelf blijft in het register staan, zonder persoonsgegevens;
• dit kan niet ongedaan worden gemaakt (ook niet door een beheerder).

Let op: oude back-ups bevatten de persoon nog tot ze verlopen.

Doorgaan?</source>
        <translation>Contact #%1 will be erased for good:

• name, address, e-mail addresses, phone numbers, notes, consents, relations and provenance disappear from the vault and from the search index;
• of the e-mail addresses and phone numbers only an unreadable fingerprint stays on the suppression list, so that a later import does not add the person again;
• the request itself stays in the register, without personal data;
• this cannot be undone (not even by an administrator).

Note: old backups still hold the person until they expire.

Continue?</translation>
    </message>
    <message>
        <source>Niet toegestaan</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan gegevens wissen.</source>
        <translation>Only an administrator can erase data.</translation>
    </message>
    <message>
        <source>Gegevens wissen</source>
        <translation>Erase data</translation>
    </message>
    <message>
        <source>Contact #%1 is gewist. Sluit het verzoek af en laat de persoon weten dat het is gebeurd.</source>
        <translation>Contact #%1 has been erased. Close the request and let the person know it has been done.</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Bewaartermijnen</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Deze records zijn over hun bewaartermijn: er is geen doel meer dat bewaren rechtvaardigt. Anonimiseren houdt alleen grove, niet-herleidbare gegevens over voor de statistiek (postcodegebied, geboortedecennium, soort relatie en jaar); verwijderen wist het record helemaal. Een record met een open verzoek staat hier nooit tussen.</source>
        <translation>These records are past their retention period: no purpose justifies keeping them any more. Anonymising keeps only coarse, non-identifying data for statistics (postcode area, decade of birth, type of relation and year); deleting erases the record completely. A record with an open request is never listed here.</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bewaren tot</source>
        <translation>Keep until</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Alles selecteren</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Anonimiseren…</source>
        <translation>Anonymise…</translation>
    </message>
    <message>
        <source>Verwijderen…</source>
        <translation>Delete…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) over de bewaartermijn</source>
        <translation>
            <numerusform>%n record past its retention period</numerusform>
            <numerusform>%n records past their retention period</numerusform>
        </translation>
    </message>
    <message>
        <source>Geen records over de bewaartermijn.</source>
        <translation>No records past their retention period.</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan verlopen records opschonen</source>
        <translation>Only an administrator can clean up expired records</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) anonimiseren? Naam, adres, e-mail, telefoon, notities, toestemmingen en herkomst verdwijnen; alleen postcodegebied, geboortedecennium en soort relatie met jaar blijven voor de statistiek. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>
            <numerusform>Anonymise %n record? Name, address, e-mail, phone, notes, consents and provenance are removed; only postcode area, decade of birth and type of relation with year remain for statistics. This cannot be undone.</numerusform>
            <numerusform>Anonymise %n records? Name, address, e-mail, phone, notes, consents and provenance are removed; only postcode area, decade of birth and type of relation with year remain for statistics. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) definitief verwijderen? Er blijft niets van over, ook niet voor de statistiek. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>
            <numerusform>Delete %n record for good? Nothing of it remains, not even for statistics. This cannot be undone.</numerusform>
            <numerusform>Delete %n records for good? Nothing of them remains, not even for statistics. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Niet toegestaan</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan verlopen records opschonen.</source>
        <translation>Only an administrator can clean up expired records.</translation>
    </message>
    <message>
        <source>Anonimiseren</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) geanonimiseerd.</source>
        <translation>
            <numerusform>%n record anonymised.</numerusform>
            <numerusform>%n records anonymised.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) verwijderd.</source>
        <translation>
            <numerusform>%n record deleted.</numerusform>
            <numerusform>%n records deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) overgeslagen: niet (meer) verlopen.</source>
        <translation>
            <numerusform>%n record skipped: not (or no longer) expired.</numerusform>
            <numerusform>%n records skipped: not (or no longer) expired.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunStep</name>
    <message>
        <source>Bezig met importeren…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuleren laat de kluis precies zoals hij was: de import wordt in één keer opgeslagen of helemaal niet.</source>
        <translation>Cancelling leaves the vault exactly as it was: the import is saved in one go or not at all.</translation>
    </message>
    <message>
        <source>Opslaan in de kluis…</source>
        <translation>Saving to the vault…</translation>
    </message>
    <message>
        <source>Annuleren…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Doelen, grondslagen en bewaartermijnen</source>
        <translation>Purposes, legal bases and retention</translation>
    </message>
    <message>
        <source>Doel toevoegen</source>
        <translation>Add purpose</translation>
    </message>
    <message>
        <source>Doel verwijderen</source>
        <translation>Remove purpose</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Vergrendelen en taal</source>
        <translation>Locking and language</translation>
    </message>
    <message>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na:</source>
        <translation>Lock automatically after:</translation>
    </message>
    <message>
        <source>Taal:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Back-up</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Map kiezen…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Nu back-up maken</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Een back-up is één versleuteld bestand. Zet het op een externe schijf of netwerkmap, niet alleen op deze computer.</source>
        <translation>A backup is one encrypted file. Put it on an external drive or network folder, not only on this computer.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Bewaren</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Jaren</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>Maanden</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Waarom de instelling gegevens bewaart, op welke grondslag (AVG art. 6) en hoe lang. Wijzigingen gelden direct voor alle contacten.</source>
        <translation>Why the institution keeps data, on which legal basis (GDPR Art. 6) and for how long. Changes apply to all contacts at once.</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan doelen en bewaartermijnen wijzigen.</source>
        <translation>Only an administrator can change purposes and retention periods.</translation>
    </message>
    <message>
        <source>zolang toestemming geldt</source>
        <translation>while consent stands</translation>
    </message>
    <message>
        <source>na einde relatie</source>
        <translation>after the relation ends</translation>
    </message>
    <message>
        <source>na laatste activiteit</source>
        <translation>after the last activity</translation>
    </message>
    <message>
        <source>Doelen niet opgeslagen</source>
        <translation>Purposes not saved</translation>
    </message>
    <message>
        <source>De nieuwe taal wordt gebruikt na een herstart van Contactkluis.</source>
        <translation>The new language is used after Contactkluis restarts.</translation>
    </message>
    <message>
        <source>Map voor back-ups</source>
        <translation>Folder for backups</translation>
    </message>
</context>
<context>
    <name>SheetEditor</name>
    <message>
        <source>Kies een andere tekenset als letters met accenten verkeerd worden getoond</source>
        <translation>Choose another character encoding if accented letters are shown wrongly</translation>
    </message>
    <message>
        <source>Lijstdatum:</source>
        <translation>List date:</translation>
    </message>
    <message>
        <source>Naamkolom: achternaam eerst (voor de hele kolom bepaald)</source>
        <translation>Name column: surname first (decided for the whole column)</translation>
    </message>
    <message>
        <source>Naamkolom: voornaam eerst (voor de hele kolom bepaald)</source>
        <translation>Name column: first name first (decided for the whole column)</translation>
    </message>
    <message>
        <source>Op deze dag klopte de lijst; pas hem aan als de herkende datum niet klopt</source>
        <translation>The day the list was true; change it if the detected date is wrong</translation>
    </message>
    <message>
        <source>Soort lijst:</source>
        <translation>Kind of list:</translation>
    </message>
    <message>
        <source>Tekenset:</source>
        <translation>Character encoding:</translation>
    </message>
    <message>
        <source>Tekenset: %1 (automatisch herkend)</source>
        <translation>Character encoding: %1 (detected)</translation>
    </message>
    <message>
        <source>Tekenset: %1 (door u gekozen)</source>
        <translation>Character encoding: %1 (chosen by you)</translation>
    </message>
    <message>
        <source>bron: %1</source>
        <translation>source: %1</translation>
    </message>
    <message>
        <source>De rij met de kolomnamen, zoals Excel hem nummert</source>
        <translation>The row with the column names, as Excel numbers it</translation>
    </message>
    <message>
        <source>geen (eerste rij is een persoon)</source>
        <translation>none (the first row is a person)</translation>
    </message>
    <message>
        <source>Dit werkblad importeren</source>
        <translation>Import this sheet</translation>
    </message>
    <message>
        <source>Automatisch</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Kopregel in rij:</source>
        <translation>Header in row:</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Importeren als</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>Herkend aan</source>
        <translation>Recognised by</translation>
    </message>
    <message>
        <source>Voorbeeld %1</source>
        <translation>Sample %1</translation>
    </message>
    <message>
        <source>Waarschuwingen</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>kolomnaam</source>
        <translation>column name</translation>
    </message>
    <message>
        <source>inhoud</source>
        <translation>content</translation>
    </message>
    <message>
        <source>handmatig</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>Automatisch (%1)</source>
        <translation>Automatic (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n rij(en) met gegevens</source>
        <translation>
            <numerusform>%n row with data</numerusform>
            <numerusform>%n rows with data</numerusform>
        </translation>
    </message>
    <message>
        <source>Dit werkblad wordt overgeslagen: %1</source>
        <translation>This sheet is skipped: %1</translation>
    </message>
    <message>
        <source>Naamkolom: volgorde niet zeker, voornaam eerst aangenomen — controleer</source>
        <translation>Name column: order not certain, given name first assumed — please check</translation>
    </message>
    <message>
        <source>(geen kolomnaam)</source>
        <translation>(no column name)</translation>
    </message>
    <message>
        <source>niet importeren</source>
        <translation>do not import</translation>
    </message>
    <message>
        <source>Deze waarde wordt niet herkend; hij wordt bewaard zoals hij er staat of overgeslagen</source>
        <translation>This value is not recognised; it is kept as it stands or skipped</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Wat wilt u tellen?</source>
        <translation>What do you want to count?</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Indeling</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <source>Uitgesplitst naar</source>
        <translation>Split by</translation>
    </message>
    <message>
        <source>Kleine aantallen afschermen, onder</source>
        <translation>Suppress small counts, below</translation>
    </message>
    <message>
        <source>Alle aantallen afronden op 5</source>
        <translation>Round all counts to 5</translation>
    </message>
    <message>
        <source>Bescherming</source>
        <translation>Protection</translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Deze tabel opslaan als .xlsx of .csv</source>
        <translation>Save this table as .xlsx or .csv</translation>
    </message>
    <message>
        <source>Standaardset exporteren…</source>
        <translation>Export standard set…</translation>
    </message>
    <message>
        <source>Alle standaardtabellen voor een jaarverslag in één .xlsx-bestand</source>
        <translation>All standard tables for an annual report in one .xlsx file</translation>
    </message>
    <message>
        <source>Toestemming: %1</source>
        <translation>Consent: %1</translation>
    </message>
    <message>
        <source>(niet uitsplitsen)</source>
        <translation>(no split)</translation>
    </message>
    <message>
        <source>Uw rol mag geen tellingen maken.</source>
        <translation>Your role may not make counts.</translation>
    </message>
    <message>
        <source>Bezig met tellen…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Tellen is mislukt (%1).</source>
        <translation>Counting failed (%1).</translation>
    </message>
    <message>
        <source>Afgeschermde aantallen (x) zijn weggelaten: hun staven ontbreken in de grafiek.</source>
        <translation>Suppressed counts (x) are left out: their bars are missing from the chart.</translation>
    </message>
    <message>
        <source>Hoe komen deze cijfers tot stand?</source>
        <translation>How are these figures made?</translation>
    </message>
    <message>
        <source>Opgeslagen: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Aantal</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>De grafiek toont de eerste 12 kolommen; de tabel toont alle.</source>
        <translation>The chart shows the first 12 columns; the table shows them all.</translation>
    </message>
    <message>
        <source>Hier maakt u tellingen voor een jaarverslag of een subsidiegever. Elke persoon telt één keer per waarde die op hem of haar van toepassing is: wie vriend én donateur is, telt bij beide mee, dus het totaal kan groter zijn dan het aantal personen. Wie een gegeven mist, telt onder &apos;onbekend&apos;. Contacten met een beperking van de verwerking tellen niet mee.</source>
        <translation>Here you make counts for an annual report or a funder. Each person counts once for every value that applies to them: someone who is both a friend and a donor counts in both, so the total can be larger than the number of people. Anyone missing a piece of data counts under &apos;unknown&apos;. Contacts whose processing is restricted are not counted.</translation>
    </message>
    <message>
        <source>De tabel en het exportbestand bevatten alleen aantallen: geen namen, adressen, e-mailadressen of andere gegevens over één persoon. U kunt alleen alle contacten of één soort relatie kiezen, niet een zelfgekozen selectie: zo kan een tabel nooit over een handvol mensen gaan.</source>
        <translation>The table and the export file hold counts only: no names, addresses, e-mail addresses or other data about any one person. You can choose only all contacts or one type of relation, not a selection of your own: that way a table can never be about a handful of people.</translation>
    </message>
    <message>
        <source>Tabel exporteren</source>
        <translation>Export table</translation>
    </message>
    <message>
        <source>Excel-werkmap (*.xlsx);;CSV, puntkomma&apos;s (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV, semicolons (*.csv)</translation>
    </message>
    <message>
        <source>Standaardset exporteren</source>
        <translation>Export standard set</translation>
    </message>
    <message>
        <source>Excel-werkmap (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>StatsSection</name>
    <message>
        <source>Tellingen (anonieme aantallen)</source>
        <translation>Counts (anonymous figures)</translation>
    </message>
    <message>
        <source>Drempel opslaan</source>
        <translation>Save threshold</translation>
    </message>
    <message>
        <source>Bevriezen</source>
        <translation>Freeze</translation>
    </message>
    <message>
        <source>Ontdooien</source>
        <translation>Thaw</translation>
    </message>
    <message>
        <source>Aantallen van 1 tot de drempel k worden in elke telling afgeschermd. Alleen de beheerder stelt k in (minstens 5); gebruikers kunnen een hogere k kiezen, geen lagere. In een bevroren peiljaar geeft een export de eerder gepubliceerde cijfers.</source>
        <translation>Counts from 1 up to the threshold k are suppressed in every table. Only the administrator sets k (at least 5); users may choose a higher k, never a lower one. In a frozen reporting period an export gives the figures published before.</translation>
    </message>
    <message>
        <source>Drempel k:</source>
        <translation>Threshold k:</translation>
    </message>
    <message>
        <source>Peiljaar:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>Bevroren:</source>
        <translation>Frozen:</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Drempel opgeslagen.</source>
        <translation>Threshold saved.</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <source>Terug naar de koppeling</source>
        <translation>Back to mapping</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Proefimport: er wordt niets opgeslagen…</source>
        <translation>Dry run: nothing is being saved…</translation>
    </message>
    <message>
        <source>Proefimport klaar: zo ziet de import eruit. Er is nog niets opgeslagen.</source>
        <translation>Dry run finished: this is what the import will look like. Nothing has been saved yet.</translation>
    </message>
    <message>
        <source>nieuwe personen</source>
        <translation>new people</translation>
    </message>
    <message>
        <source>samengevoegde rijen</source>
        <translation>merged rows</translation>
    </message>
    <message>
        <source>niet te importeren rijen</source>
        <translation>rows that cannot be imported</translation>
    </message>
    <message>
        <source>gemarkeerd (bijzondere gegevens)</source>
        <translation>flagged (special-category data)</translation>
    </message>
    <message>
        <source>onderdrukt (eerder gewist)</source>
        <translation>suppressed (erased earlier)</translation>
    </message>
    <message>
        <source>mogelijke dubbelen</source>
        <translation>possible duplicates</translation>
    </message>
    <message>
        <source>overgeslagen rijen en bladen</source>
        <translation>skipped rows and sheets</translation>
    </message>
    <message>
        <source>waarschuwingen</source>
        <translation>warnings</translation>
    </message>
    <message>
        <source>De import is geannuleerd. Er is niets opgeslagen; de kluis is ongewijzigd.</source>
        <translation>The import was cancelled. Nothing was saved; the vault is unchanged.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Contactkluis is vergrendeld</source>
        <translation>Contactkluis is locked</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Wachtwoord vergeten?</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Vul uw account en wachtwoord in.</source>
        <translation>Enter your account and password.</translation>
    </message>
    <message>
        <source>De kluis wordt eenmalig bijgewerkt voor deze versie van Contactkluis, na een reservekopie. Bij een grote kluis duurt dat tot een halve minuut. Sluit het programma niet af.</source>
        <translation>The vault is being updated once for this version of Contactkluis, after a backup. For a large vault this takes up to half a minute. Do not close the program.</translation>
    </message>
    <message>
        <source>Kluis in gebruik</source>
        <translation>Vault in use</translation>
    </message>
    <message>
        <source>U kunt de kluis alleen-lezen openen: u ziet alles, maar kunt niets wijzigen. Alleen-lezen openen?</source>
        <translation>You can open the vault read-only: you see everything but cannot change anything. Open read-only?</translation>
    </message>
    <message>
        <source>Ontgrendelen (%1)</source>
        <translation>Unlock (%1)</translation>
    </message>
    <message>
        <source>Het wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord.</source>
        <translation>The password was changed. Log in with the new password.</translation>
    </message>
</context>
</TS>
