<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Over Contactkluis</source>
            <translation>Over Contactkluis</translation>
        </message>
        <message>
            <source>Versleutelde contactenadministratie volgens de AVG voor kleine culturele instellingen. Uitgegeven onder de EUPL-1.2.</source>
            <translation>Versleutelde contactenadministratie volgens de AVG voor kleine culturele instellingen. Uitgegeven onder de EUPL-1.2.</translation>
        </message>
        <message>
            <source>Onderdeel</source>
            <translation>Onderdeel</translation>
        </message>
        <message>
            <source>Licentie</source>
            <translation>Licentie</translation>
        </message>
        <message>
            <source>Gebruikte onderdelen:</source>
            <translation>Gebruikte onderdelen:</translation>
        </message>
    </context>
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Account toevoegen</source>
            <translation>Account toevoegen</translation>
        </message>
        <message>
            <source>Nieuw wachtwoord voor %1</source>
            <translation>Nieuw wachtwoord voor %1</translation>
        </message>
        <message>
            <source>medewerker</source>
            <translation>medewerker</translation>
        </message>
        <message>
            <source>beheerder</source>
            <translation>beheerder</translation>
        </message>
        <message>
            <source>Accountnaam:</source>
            <translation>Accountnaam:</translation>
        </message>
        <message>
            <source>Rol:</source>
            <translation>Rol:</translation>
        </message>
    </context>
    <context>
        <name>AccountPage</name>
        <message>
            <source>Uw beheerdersaccount</source>
            <translation>Uw beheerdersaccount</translation>
        </message>
        <message>
            <source>De beheerder maakt accounts voor collega's en beheert doelen en bewaartermijnen. Er zijn geen regels voor hoofdletters of tekens: lengte telt.</source>
            <translation>De beheerder maakt accounts voor collega's en beheert doelen en bewaartermijnen. Er zijn geen regels voor hoofdletters of tekens: lengte telt.</translation>
        </message>
        <message>
            <source>Kluis maken</source>
            <translation>Kluis maken</translation>
        </message>
        <message>
            <source>De kluis wordt gemaakt en de sleutel berekend…</source>
            <translation>De kluis wordt gemaakt en de sleutel berekend…</translation>
        </message>
        <message>
            <source>Accountnaam:</source>
            <translation>Accountnaam:</translation>
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
            <translation>Rol</translation>
        </message>
        <message>
            <source>Aangemaakt</source>
            <translation>Aangemaakt</translation>
        </message>
        <message>
            <source>Toevoegen…</source>
            <translation>Toevoegen…</translation>
        </message>
        <message>
            <source>Wachtwoord opnieuw instellen…</source>
            <translation>Wachtwoord opnieuw instellen…</translation>
        </message>
        <message>
            <source>Rol wijzigen</source>
            <translation>Rol wijzigen</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <source>beheerder</source>
            <translation>beheerder</translation>
        </message>
        <message>
            <source>medewerker</source>
            <translation>medewerker</translation>
        </message>
        <message>
            <source>Niet gelukt</source>
            <translation>Niet gelukt</translation>
        </message>
        <message>
            <source>Account %1 toegevoegd.</source>
            <translation>Account %1 toegevoegd.</translation>
        </message>
        <message>
            <source>Wachtwoord van %1 gewijzigd.</source>
            <translation>Wachtwoord van %1 gewijzigd.</translation>
        </message>
        <message>
            <source>De rol van %1 wijzigen in %2?</source>
            <translation>De rol van %1 wijzigen in %2?</translation>
        </message>
        <message>
            <source>Rol van %1 gewijzigd.</source>
            <translation>Rol van %1 gewijzigd.</translation>
        </message>
        <message>
            <source>Account verwijderen</source>
            <translation>Account verwijderen</translation>
        </message>
        <message>
            <source>Het account %1 verwijderen? Deze persoon kan de kluis daarna niet meer openen.</source>
            <translation>Het account %1 verwijderen? Deze persoon kan de kluis daarna niet meer openen.</translation>
        </message>
        <message>
            <source>Account %1 verwijderd.</source>
            <translation>Account %1 verwijderd.</translation>
        </message>
    </context>
    <context>
        <name>AddRequestDialog</name>
        <message>
            <source>Verzoek registreren</source>
            <translation>Verzoek registreren</translation>
        </message>
        <message>
            <source>Identiteit van de verzoeker is gecontroleerd</source>
            <translation>Identiteit van de verzoeker is gecontroleerd</translation>
        </message>
        <message>
            <source>Hoe kwam het verzoek binnen? (geen kopie van een identiteitsbewijs bewaren)</source>
            <translation>Hoe kwam het verzoek binnen? (geen kopie van een identiteitsbewijs bewaren)</translation>
        </message>
        <message>
            <source>Soort verzoek</source>
            <translation>Soort verzoek</translation>
        </message>
        <message>
            <source>Van wie</source>
            <translation>Van wie</translation>
        </message>
        <message>
            <source>Ontvangen op</source>
            <translation>Ontvangen op</translation>
        </message>
        <message>
            <source>Notitie</source>
            <translation>Notitie</translation>
        </message>
        <message>
            <source>Voor dit soort verzoek moet de identiteit vaststaan voordat u het afhandelt. Vraag bijvoorbeeld om een reactie vanaf het bekende e-mailadres.</source>
            <translation>Voor dit soort verzoek moet de identiteit vaststaan voordat u het afhandelt. Vraag bijvoorbeeld om een reactie vanaf het bekende e-mailadres.</translation>
        </message>
        <message>
            <source>Het verzoek vastleggen voor %1?</source>
            <translation>Het verzoek vastleggen voor %1?</translation>
        </message>
    </context>
    <context>
        <name>BackupFlow</name>
        <message>
            <source>Back-up niet gelukt</source>
            <translation>Back-up niet gelukt</translation>
        </message>
        <message>
            <source>Back-up gemaakt</source>
            <translation>Back-up gemaakt</translation>
        </message>
        <message>
            <source>De back-up is gemaakt en gecontroleerd: hij is terug te zetten.

Map: %1
Bestand: %2</source>
            <translation>De back-up is gemaakt en gecontroleerd: hij is terug te zetten.

Map: %1
Bestand: %2</translation>
        </message>
    </context>
    <context>
        <name>BackupTexts</name>
        <message>
            <source>nog geen back-up gemaakt</source>
            <translation>nog geen back-up gemaakt</translation>
        </message>
        <message>
            <source>laatste back-up: vandaag</source>
            <translation>laatste back-up: vandaag</translation>
        </message>
        <message numerus="yes">
            <source>laatste back-up: %n dag(en) geleden</source>
            <translation>
                <numerusform>laatste back-up: %n dag geleden</numerusform>
                <numerusform>laatste back-up: %n dagen geleden</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CloseRequestDialog</name>
        <message>
            <source>Verzoek %1 afsluiten</source>
            <translation>Verzoek %1 afsluiten</translation>
        </message>
        <message>
            <source>Afgehandeld</source>
            <translation>Afgehandeld</translation>
        </message>
        <message>
            <source>Afgewezen</source>
            <translation>Afgewezen</translation>
        </message>
        <message>
            <source>Identiteit van de verzoeker is gecontroleerd</source>
            <translation>Identiteit van de verzoeker is gecontroleerd</translation>
        </message>
        <message>
            <source>Wat is er gedaan, of waarom wordt het afgewezen</source>
            <translation>Wat is er gedaan, of waarom wordt het afgewezen</translation>
        </message>
    </context>
    <context>
        <name>ConsentDialog</name>
        <message>
            <source>Voor</source>
            <translation>Voor</translation>
        </message>
    </context>
    <context>
        <name>ContactPicker</name>
        <message>
            <source>naam, e-mailadres, telefoon of #nummer</source>
            <translation>naam, e-mailadres, telefoon of #nummer</translation>
        </message>
        <message>
            <source>Zoeken</source>
            <translation>Zoeken</translation>
        </message>
        <message>
            <source>Zonder contact vastleggen</source>
            <translation>Zonder contact vastleggen</translation>
        </message>
        <message numerus="yes">
            <source>%n personen gevonden: klik op de juiste persoon.</source>
            <translation>
                <numerusform>%n personen gevonden: klik op de juiste persoon.</numerusform>
                <numerusform>%n personen gevonden: klik op de juiste persoon.</numerusform>
            </translation>
        </message>
        <message>
            <source>Niemand gevonden. U kunt het verzoek ook zonder contact vastleggen (bijvoorbeeld als u niets van de persoon heeft).</source>
            <translation>Niemand gevonden. U kunt het verzoek ook zonder contact vastleggen (bijvoorbeeld als u niets van de persoon heeft).</translation>
        </message>
        <message>
            <source>Kies eerst de persoon in de lijst (klik erop), of vink “Zonder contact vastleggen” aan.</source>
            <translation>Kies eerst de persoon in de lijst (klik erop), of vink “Zonder contact vastleggen” aan.</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Onverwachte fout</source>
            <translation>Onverwachte fout</translation>
        </message>
        <message>
            <source>Er ging iets mis dat niet had mogen gebeuren. Wat u net deed, is mogelijk niet opgeslagen; uw andere gegevens staan veilig in de kluis.

Meld dit aan de leverancier met deze code (er staan geen persoonsgegevens in):
{0}</source>
            <translation>Er ging iets mis dat niet had mogen gebeuren. Wat u net deed, is mogelijk niet opgeslagen; uw andere gegevens staan veilig in de kluis.

Meld dit aan de leverancier met deze code (er staan geen persoonsgegevens in):
{0}</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Contactkluis instellen</source>
            <translation>Contactkluis instellen</translation>
        </message>
    </context>
    <context>
        <name>HandbookDialog</name>
        <message>
            <source>Handleiding Contactkluis</source>
            <translation>Handleiding Contactkluis</translation>
        </message>
    </context>
    <context>
        <name>HelpLink</name>
        <message>
            <source>Wat betekent dit?</source>
            <translation>Wat betekent dit?</translation>
        </message>
        <message>
            <source>Opent de handleiding bij de uitleg</source>
            <translation>Opent de handleiding bij de uitleg</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <source>Bestanden</source>
            <translation>Bestanden</translation>
        </message>
        <message>
            <source>Koppeling</source>
            <translation>Koppeling</translation>
        </message>
        <message>
            <source>Proefimport</source>
            <translation>Proefimport</translation>
        </message>
        <message>
            <source>Importeren</source>
            <translation>Importeren</translation>
        </message>
        <message>
            <source>Verslag</source>
            <translation>Verslag</translation>
        </message>
        <message>
            <source>Kies de oude Excel- en CSV-lijsten die naar de kluis moeten, of sleep ze op dit venster. Er wordt pas iets opgeslagen als u op de laatste stap op Importeren klikt.</source>
            <translation>Kies de oude Excel- en CSV-lijsten die naar de kluis moeten, of sleep ze op dit venster. Er wordt pas iets opgeslagen als u op de laatste stap op Importeren klikt.</translation>
        </message>
        <message>
            <source>Bestanden kiezen…</source>
            <translation>Bestanden kiezen…</translation>
        </message>
        <message>
            <source>Verwijderen uit de lijst</source>
            <translation>Verwijderen uit de lijst</translation>
        </message>
        <message>
            <source>Volgende: koppeling</source>
            <translation>Volgende: koppeling</translation>
        </message>
        <message>
            <source>Bestand / werkblad</source>
            <translation>Bestand / werkblad</translation>
        </message>
        <message>
            <source>Rijen</source>
            <translation>Rijen</translation>
        </message>
        <message>
            <source>Koppeling opslaan…</source>
            <translation>Koppeling opslaan…</translation>
        </message>
        <message>
            <source>Koppeling laden</source>
            <translation>Koppeling laden</translation>
        </message>
        <message>
            <source>Terug</source>
            <translation>Terug</translation>
        </message>
        <message>
            <source>Volgende: proefimport</source>
            <translation>Volgende: proefimport</translation>
        </message>
        <message>
            <source>Bestanden kiezen</source>
            <translation>Bestanden kiezen</translation>
        </message>
        <message>
            <source>Spreadsheets (%1)</source>
            <translation>Spreadsheets (%1)</translation>
        </message>
        <message>
            <source>Lezen mislukt</source>
            <translation>Lezen mislukt</translation>
        </message>
        <message numerus="yes">
            <source>%n werkblad(en)</source>
            <translation>
                <numerusform>%n werkblad</numerusform>
                <numerusform>%n werkbladen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rij(en)</source>
            <translation>
                <numerusform>%n rij</numerusform>
                <numerusform>%n rijen</numerusform>
            </translation>
        </message>
        <message>
            <source>Koppeling opslaan</source>
            <translation>Koppeling opslaan</translation>
        </message>
        <message>
            <source>Naam van de koppeling:</source>
            <translation>Naam van de koppeling:</translation>
        </message>
        <message>
            <source>Opslaan mislukt</source>
            <translation>Opslaan mislukt</translation>
        </message>
        <message>
            <source>Laden mislukt</source>
            <translation>Laden mislukt</translation>
        </message>
        <message>
            <source>Deze koppeling hoort bij andere bestanden of werkbladen; er is niets veranderd.</source>
            <translation>Deze koppeling hoort bij andere bestanden of werkbladen; er is niets veranderd.</translation>
        </message>
        <message>
            <source>Importeren mislukt</source>
            <translation>Importeren mislukt</translation>
        </message>
        <message>
            <source>Er is niets opgeslagen; de kluis is ongewijzigd.</source>
            <translation>Er is niets opgeslagen; de kluis is ongewijzigd.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <source>(bijzonder gegeven: apart gemarkeerd)</source>
            <translation>(bijzonder gegeven: apart gemarkeerd)</translation>
        </message>
        <message>
            <source>ja, sinds %1 (opnieuw bevestigen)</source>
            <translation>ja, sinds %1 (opnieuw bevestigen)</translation>
        </message>
        <message>
            <source>nee</source>
            <translation>nee</translation>
        </message>
        <message>
            <source>afgemeld per %1</source>
            <translation>afgemeld per %1</translation>
        </message>
        <message>
            <source>%1 van de eerste %2 rijen: ongeldig e-mailadres</source>
            <translation>%1 van de eerste %2 rijen: ongeldig e-mailadres</translation>
        </message>
        <message>
            <source>%1 van de eerste %2 rijen: ongeldig telefoonnummer</source>
            <translation>%1 van de eerste %2 rijen: ongeldig telefoonnummer</translation>
        </message>
        <message>
            <source>%1 van de eerste %2 rijen: ongeldige postcode</source>
            <translation>%1 van de eerste %2 rijen: ongeldige postcode</translation>
        </message>
        <message>
            <source>%1 van de eerste %2 rijen noemen mogelijk bijzondere persoonsgegevens (zoals gezondheid of geloof); die worden apart bewaard en gemarkeerd</source>
            <translation>%1 van de eerste %2 rijen noemen mogelijk bijzondere persoonsgegevens (zoals gezondheid of geloof); die worden apart bewaard en gemarkeerd</translation>
        </message>
        <message>
            <source>Toestemming uit een oude lijst moet opnieuw worden bevestigd</source>
            <translation>Toestemming uit een oude lijst moet opnieuw worden bevestigd</translation>
        </message>
    </context>
    <context>
        <name>InstitutionPage</name>
        <message>
            <source>Welkom bij Contactkluis</source>
            <translation>Welkom bij Contactkluis</translation>
        </message>
        <message>
            <source>Contactkluis bewaart de contactgegevens van uw instelling versleuteld op deze computer. We richten eerst de kluis in.</source>
            <translation>Contactkluis bewaart de contactgegevens van uw instelling versleuteld op deze computer. We richten eerst de kluis in.</translation>
        </message>
        <message>
            <source>bijv. Stichting Oude Molen</source>
            <translation>bijv. Stichting Oude Molen</translation>
        </message>
        <message>
            <source>Naam van de instelling:</source>
            <translation>Naam van de instelling:</translation>
        </message>
    </context>
    <context>
        <name>IntegrityBanner</name>
        <message>
            <source>Sluiten</source>
            <translation>Sluiten</translation>
        </message>
        <message>
            <source>Een deel van het kluisbestand is beschadigd (bijvoorbeeld door een schijf- of kopieerfout). Wijzigen kan niet meer, zodat de schade niet wordt overschreven. Sluit de kluis en zet een back-up terug; 'contactkluis verify' zegt wat er mis is.</source>
            <translation>Een deel van het kluisbestand is beschadigd (bijvoorbeeld door een schijf- of kopieerfout). Wijzigen kan niet meer, zodat de schade niet wordt overschreven. Sluit de kluis en zet een back-up terug; 'contactkluis verify' zegt wat er mis is.</translation>
        </message>
        <message>
            <source>Let op: deze kluis is beschadigd</source>
            <translation>Let op: deze kluis is beschadigd</translation>
        </message>
        <message>
            <source>Sleutels of rollen van deze kluis zijn buiten Contactkluis om gewijzigd. Vertrouw de rollen en accounts niet tot dit is uitgezocht.</source>
            <translation>Sleutels of rollen van deze kluis zijn buiten Contactkluis om gewijzigd. Vertrouw de rollen en accounts niet tot dit is uitgezocht.</translation>
        </message>
        <message>
            <source>Het logboek is ingekort, herschreven of niet meer beschermd: wat er met de kluis is gedaan, is niet meer volledig na te gaan.</source>
            <translation>Het logboek is ingekort, herschreven of niet meer beschermd: wat er met de kluis is gedaan, is niet meer volledig na te gaan.</translation>
        </message>
        <message>
            <source>De rollen en sleutels van deze kluis zijn nog niet ondertekend. Open de kluis als beheerder (niet alleen-lezen) om ze te ondertekenen.</source>
            <translation>De rollen en sleutels van deze kluis zijn nog niet ondertekend. Open de kluis als beheerder (niet alleen-lezen) om ze te ondertekenen.</translation>
        </message>
        <message>
            <source>Let op: deze kluis is buiten Contactkluis om gewijzigd</source>
            <translation>Let op: deze kluis is buiten Contactkluis om gewijzigd</translation>
        </message>
        <message>
            <source>Let op: deze kluis is nog niet ondertekend</source>
            <translation>Let op: deze kluis is nog niet ondertekend</translation>
        </message>
        <message>
            <source>Voer 'contactkluis verify' uit en zet zo nodig een back-up terug. Wat er gevonden is:</source>
            <translation>Voer 'contactkluis verify' uit en zet zo nodig een back-up terug. Wat er gevonden is:</translation>
        </message>
    </context>
    <context>
        <name>KeysSection</name>
        <message>
            <source>Sleutels</source>
            <translation>Sleutels</translation>
        </message>
        <message>
            <source>Vervang de sleutel nadat iemand met een kopie van het kluisbestand is vertrokken. Maak een nieuwe herstelsleutel als de oude zoek is of bij de verkeerde persoon kan zijn.</source>
            <translation>Vervang de sleutel nadat iemand met een kopie van het kluisbestand is vertrokken. Maak een nieuwe herstelsleutel als de oude zoek is of bij de verkeerde persoon kan zijn.</translation>
        </message>
        <message>
            <source>Sleutel vervangen…</source>
            <translation>Sleutel vervangen…</translation>
        </message>
        <message>
            <source>Nieuwe herstelsleutel…</source>
            <translation>Nieuwe herstelsleutel…</translation>
        </message>
        <message>
            <source>Sleutel vervangen</source>
            <translation>Sleutel vervangen</translation>
        </message>
        <message>
            <source>De kluis wordt opnieuw versleuteld met een nieuwe sleutel. Doe dit na het vertrek van iemand die een kopie van het kluisbestand kan hebben: kopieën en back-ups van ná dit moment gaan dan niet open met een oud wachtwoord of een oude kopie van het sleutelbestand. Een kopie die al bestaat, blijft met de oude wachtwoorden te openen.

De wachtwoorden en de herstelsleutel blijven gelijk. Doorgaan?</source>
            <translation>De kluis wordt opnieuw versleuteld met een nieuwe sleutel. Doe dit na het vertrek van iemand die een kopie van het kluisbestand kan hebben: kopieën en back-ups van ná dit moment gaan dan niet open met een oud wachtwoord of een oude kopie van het sleutelbestand. Een kopie die al bestaat, blijft met de oude wachtwoorden te openen.

De wachtwoorden en de herstelsleutel blijven gelijk. Doorgaan?</translation>
        </message>
        <message>
            <source>Sleutel niet vervangen</source>
            <translation>Sleutel niet vervangen</translation>
        </message>
        <message>
            <source>De sleutel is vervangen.</source>
            <translation>De sleutel is vervangen.</translation>
        </message>
        <message>
            <source>De kluis heeft een nieuwe sleutel. Maak nu een nieuwe back-up: oudere back-ups gaan nog open met de wachtwoorden en de herstelsleutel van toen.

Kende iemand die niet meer bij de kluis mag de herstelsleutel? Maak dan ook een nieuwe herstelsleutel.</source>
            <translation>De kluis heeft een nieuwe sleutel. Maak nu een nieuwe back-up: oudere back-ups gaan nog open met de wachtwoorden en de herstelsleutel van toen.

Kende iemand die niet meer bij de kluis mag de herstelsleutel? Maak dan ook een nieuwe herstelsleutel.</translation>
        </message>
        <message>
            <source>Nieuwe herstelsleutel</source>
            <translation>Nieuwe herstelsleutel</translation>
        </message>
        <message>
            <source>Er wordt een nieuwe herstelsleutel gemaakt en één keer getoond. De huidige herstelsleutel opent deze kluis daarna niet meer (oude back-ups wel nog).

Doorgaan?</source>
            <translation>Er wordt een nieuwe herstelsleutel gemaakt en één keer getoond. De huidige herstelsleutel opent deze kluis daarna niet meer (oude back-ups wel nog).

Doorgaan?</translation>
        </message>
        <message>
            <source>Er is een nieuwe herstelsleutel gemaakt.</source>
            <translation>Er is een nieuwe herstelsleutel gemaakt.</translation>
        </message>
        <message>
            <source>Niet gelukt</source>
            <translation>Niet gelukt</translation>
        </message>
    </context>
    <context>
        <name>LocationPage</name>
        <message>
            <source>Waar komt de kluis?</source>
            <translation>Waar komt de kluis?</translation>
        </message>
        <message>
            <source>De kluis is één versleuteld bestand met een sleutelbestand ernaast. Kies een map die in de back-up van deze computer zit.</source>
            <translation>De kluis is één versleuteld bestand met een sleutelbestand ernaast. Kies een map die in de back-up van deze computer zit.</translation>
        </message>
        <message>
            <source>Bladeren…</source>
            <translation>Bladeren…</translation>
        </message>
        <message>
            <source>Bestand van de kluis:</source>
            <translation>Bestand van de kluis:</translation>
        </message>
        <message>
            <source>Kluis opslaan als</source>
            <translation>Kluis opslaan als</translation>
        </message>
        <message>
            <source>Contactkluis-kluis (*%1)</source>
            <translation>Contactkluis-kluis (*%1)</translation>
        </message>
        <message>
            <source>Daar staat al een kluis; kies een andere naam of map.</source>
            <translation>Daar staat al een kluis; kies een andere naam of map.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Contacten</source>
            <translation>Contacten</translation>
        </message>
        <message>
            <source>Importeren</source>
            <translation>Importeren</translation>
        </message>
        <message>
            <source>Privacy-overzicht</source>
            <translation>Privacy-overzicht</translation>
        </message>
        <message>
            <source>Verzoeken</source>
            <translation>Verzoeken</translation>
        </message>
        <message>
            <source>Bewaartermijnen</source>
            <translation>Bewaartermijnen</translation>
        </message>
        <message>
            <source>Statistiek</source>
            <translation>Statistiek</translation>
        </message>
        <message>
            <source>Instellingen</source>
            <translation>Instellingen</translation>
        </message>
        <message>
            <source>&amp;Importeren…</source>
            <translation>&amp;Importeren…</translation>
        </message>
        <message>
            <source>&amp;Vergrendelen</source>
            <translation>&amp;Vergrendelen</translation>
        </message>
        <message>
            <source>&amp;Afsluiten</source>
            <translation>&amp;Afsluiten</translation>
        </message>
        <message>
            <source>&amp;Zoeken</source>
            <translation>&amp;Zoeken</translation>
        </message>
        <message>
            <source>&amp;Nieuw contact</source>
            <translation>&amp;Nieuw contact</translation>
        </message>
        <message>
            <source>&amp;Over Contactkluis</source>
            <translation>&amp;Over Contactkluis</translation>
        </message>
        <message>
            <source>&amp;Handleiding</source>
            <translation>&amp;Handleiding</translation>
        </message>
        <message>
            <source>&amp;Back-up maken…</source>
            <translation>&amp;Back-up maken…</translation>
        </message>
        <message>
            <source>&amp;Bestand</source>
            <translation>&amp;Bestand</translation>
        </message>
        <message>
            <source>Be&amp;werken</source>
            <translation>Be&amp;werken</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Werkbalk</source>
            <translation>Werkbalk</translation>
        </message>
        <message>
            <source>beheerder</source>
            <translation>beheerder</translation>
        </message>
        <message>
            <source>medewerker</source>
            <translation>medewerker</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>alleen-lezen</source>
            <translation>alleen-lezen</translation>
        </message>
        <message>
            <source>Map voor de back-up</source>
            <translation>Map voor de back-up</translation>
        </message>
    </context>
    <context>
        <name>PasswordFields</name>
        <message>
            <source>Wachtwoord:</source>
            <translation>Wachtwoord:</translation>
        </message>
        <message>
            <source>Herhaal wachtwoord:</source>
            <translation>Herhaal wachtwoord:</translation>
        </message>
        <message>
            <source>Kies een wachtwoord van minstens %1 tekens; een zin van een paar woorden werkt goed.</source>
            <translation>Kies een wachtwoord van minstens %1 tekens; een zin van een paar woorden werkt goed.</translation>
        </message>
        <message>
            <source>De twee wachtwoorden zijn niet gelijk.</source>
            <translation>De twee wachtwoorden zijn niet gelijk.</translation>
        </message>
        <message>
            <source>Dit wachtwoord is goed.</source>
            <translation>Dit wachtwoord is goed.</translation>
        </message>
    </context>
    <context>
        <name>PrivacyPage</name>
        <message>
            <source>Privacy-overzicht</source>
            <translation>Privacy-overzicht</translation>
        </message>
        <message>
            <source>bewaartermijn verlopen</source>
            <translation>bewaartermijn verlopen</translation>
        </message>
        <message>
            <source>verloopt binnenkort</source>
            <translation>verloopt binnenkort</translation>
        </message>
        <message>
            <source>open verzoeken van betrokkenen</source>
            <translation>open verzoeken van betrokkenen</translation>
        </message>
        <message>
            <source>met bijzondere persoonsgegevens</source>
            <translation>met bijzondere persoonsgegevens</translation>
        </message>
        <message>
            <source>verwerking beperkt</source>
            <translation>verwerking beperkt</translation>
        </message>
        <message>
            <source>mogelijke dubbelen om na te kijken</source>
            <translation>mogelijke dubbelen om na te kijken</translation>
        </message>
        <message>
            <source>dagen sinds de laatste back-up</source>
            <translation>dagen sinds de laatste back-up</translation>
        </message>
        <message>
            <source>Nr.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Ontvangen</source>
            <translation>Ontvangen</translation>
        </message>
        <message>
            <source>Uiterlijk</source>
            <translation>Uiterlijk</translation>
        </message>
        <message>
            <source>Nog</source>
            <translation>Nog</translation>
        </message>
        <message>
            <source>Toestemming opnieuw te bevestigen (per doel)</source>
            <translation>Toestemming opnieuw te bevestigen (per doel)</translation>
        </message>
        <message>
            <source>Open verzoeken en hun termijnen</source>
            <translation>Open verzoeken en hun termijnen</translation>
        </message>
        <message>
            <source>een back-up gemaakt</source>
            <translation>een back-up gemaakt</translation>
        </message>
        <message>
            <source>nooit</source>
            <translation>nooit</translation>
        </message>
        <message>
            <source>de laatste back-up gemaakt</source>
            <translation>de laatste back-up gemaakt</translation>
        </message>
        <message>
            <source>vandaag</source>
            <translation>vandaag</translation>
        </message>
        <message>
            <source>sinds de laatste back-up</source>
            <translation>sinds de laatste back-up</translation>
        </message>
        <message numerus="yes">
            <source>Let op: %n verzoek(en) over de termijn.</source>
            <translation>
                <numerusform>Let op: %n verzoek over de termijn.</numerusform>
                <numerusform>Let op: %n verzoeken over de termijn.</numerusform>
            </translation>
        </message>
        <message>
            <source>Er zijn records over hun bewaartermijn; bekijk ze bij Bewaartermijnen.</source>
            <translation>Er zijn personen over hun bewaartermijn; bekijk ze bij Bewaartermijnen.</translation>
        </message>
        <message>
            <source>Niets over de termijn.</source>
            <translation>Niets over de termijn.</translation>
        </message>
        <message numerus="yes">
            <source>%n dag(en) te laat</source>
            <translation>
                <numerusform>%n dag te laat</numerusform>
                <numerusform>%n dagen te laat</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n dag(en)</source>
            <translation>
                <numerusform>%n dag</numerusform>
                <numerusform>%n dagen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PublishedTableModel</name>
        <message>
            <source>x = afgeschermd: een aantal onder %1, of een ander aantal (dat groot kan zijn) dat verborgen is zodat een klein aantal niet terug te rekenen is.</source>
            <translation>x = afgeschermd: een aantal onder %1, of een ander aantal (dat groot kan zijn) dat verborgen is zodat een klein aantal niet terug te rekenen is.</translation>
        </message>
        <message>
            <source>Totaal</source>
            <translation>Totaal</translation>
        </message>
        <message>
            <source>Aantal</source>
            <translation>Aantal</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>Wachtwoord vergeten</source>
            <translation>Wachtwoord vergeten</translation>
        </message>
        <message>
            <source>Voer de herstelsleutel in die bij het instellen van de kluis is afgedrukt of als PDF bewaard. Daarna kiest u een nieuw wachtwoord voor een account.</source>
            <translation>Voer de herstelsleutel in die bij het instellen van de kluis is afgedrukt of als PDF bewaard. Daarna kiest u een nieuw wachtwoord voor een account.</translation>
        </message>
        <message>
            <source>Account:</source>
            <translation>Account:</translation>
        </message>
        <message>
            <source>Controleren</source>
            <translation>Controleren</translation>
        </message>
        <message>
            <source>Wachtwoord opslaan</source>
            <translation>Wachtwoord opslaan</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Nieuwe herstelsleutel</source>
            <translation>Nieuwe herstelsleutel</translation>
        </message>
        <message>
            <source>Dit is de nieuwe herstelsleutel. Hij wordt maar één keer getoond: druk hem af of bewaar hem als PDF, en berg hem veilig op, niet op deze computer. Vernietig het papier met de oude herstelsleutel.</source>
            <translation>Dit is de nieuwe herstelsleutel. Hij wordt maar één keer getoond: druk hem af of bewaar hem als PDF, en berg hem veilig op, niet op deze computer. Vernietig het papier met de oude herstelsleutel.</translation>
        </message>
        <message>
            <source>Ik heb de herstelsleutel veilig opgeborgen</source>
            <translation>Ik heb de herstelsleutel veilig opgeborgen</translation>
        </message>
        <message>
            <source>Herstelsleutel</source>
            <translation>Herstelsleutel</translation>
        </message>
        <message>
            <source>U ziet deze herstelsleutel daarna nooit meer, en de oude werkt niet meer. Toch sluiten?</source>
            <translation>U ziet deze herstelsleutel daarna nooit meer, en de oude werkt niet meer. Toch sluiten?</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyView</name>
        <message>
            <source>Afdrukken…</source>
            <translation>Afdrukken…</translation>
        </message>
        <message>
            <source>Opslaan als PDF…</source>
            <translation>Opslaan als PDF…</translation>
        </message>
        <message>
            <source>Herstelsleutel Contactkluis</source>
            <translation>Herstelsleutel Contactkluis</translation>
        </message>
        <message>
            <source>Bewaar dit papier op een veilige plek, gescheiden van de computer met de kluis. Wie deze sleutel en het kluisbestand heeft, kan alle gegevens lezen.</source>
            <translation>Bewaar dit papier op een veilige plek, gescheiden van de computer met de kluis. Wie deze sleutel en het kluisbestand heeft, kan alle gegevens lezen.</translation>
        </message>
        <message>
            <source>Herstelsleutel opslaan als PDF</source>
            <translation>Herstelsleutel opslaan als PDF</translation>
        </message>
        <message>
            <source>PDF-bestand (*.pdf)</source>
            <translation>PDF-bestand (*.pdf)</translation>
        </message>
        <message>
            <source>Opgeslagen als %1 in de map %2</source>
            <translation>Opgeslagen als %1 in de map %2</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <source>Uw herstelsleutel</source>
            <translation>Uw herstelsleutel</translation>
        </message>
        <message>
            <source>Met deze sleutel komt u in de kluis als alle wachtwoorden vergeten zijn.</source>
            <translation>Met deze sleutel komt u in de kluis als alle wachtwoorden vergeten zijn.</translation>
        </message>
        <message>
            <source>De sleutel wordt maar één keer getoond. Druk hem af of bewaar hem als PDF, en berg hem veilig op, niet op deze computer.</source>
            <translation>De sleutel wordt maar één keer getoond. Druk hem af of bewaar hem als PDF, en berg hem veilig op, niet op deze computer.</translation>
        </message>
        <message>
            <source>Ik heb de herstelsleutel veilig opgeborgen</source>
            <translation>Ik heb de herstelsleutel veilig opgeborgen</translation>
        </message>
    </context>
    <context>
        <name>ReportView</name>
        <message>
            <source>Bestand</source>
            <translation>Bestand</translation>
        </message>
        <message>
            <source>Werkblad</source>
            <translation>Werkblad</translation>
        </message>
        <message>
            <source>Rij</source>
            <translation>Rij</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reden</translation>
        </message>
        <message>
            <source>Wat</source>
            <translation>Wat</translation>
        </message>
        <message>
            <source>Eerste</source>
            <translation>Eerste</translation>
        </message>
        <message>
            <source>Tweede</source>
            <translation>Tweede</translation>
        </message>
        <message>
            <source>Gelijkenis</source>
            <translation>Gelijkenis</translation>
        </message>
        <message>
            <source>Waarom</source>
            <translation>Waarom</translation>
        </message>
        <message>
            <source>Kolom</source>
            <translation>Kolom</translation>
        </message>
        <message>
            <source>Let op</source>
            <translation>Let op</translation>
        </message>
        <message>
            <source>Verslag opslaan (JSON)…</source>
            <translation>Verslag opslaan (JSON)…</translation>
        </message>
        <message>
            <source>Nieuwe import</source>
            <translation>Nieuwe import</translation>
        </message>
        <message>
            <source>De gegevens staan nu versleuteld in de kluis. De oude lijsten zijn dat niet: zolang er ergens een kopie bestaat, staan de persoonsgegevens nog onbeveiligd op straat. Verwijder daarom de oude bestanden en al hun kopieën, en vink hieronder af wat u heeft gedaan. Bewaar geen kopie "voor de zekerheid": de kluis heeft back-ups.</source>
            <translation>De gegevens staan nu versleuteld in de kluis. De oude lijsten zijn dat niet: zolang er ergens een kopie bestaat, staan de persoonsgegevens nog onbeveiligd op straat. Verwijder daarom de oude bestanden en al hun kopieën, en vink hieronder af wat u heeft gedaan. Bewaar geen kopie "voor de zekerheid": de kluis heeft back-ups.</translation>
        </message>
        <message>
            <source>De geïmporteerde bestanden zelf verwijderd (zie de lijst hierboven)</source>
            <translation>De geïmporteerde bestanden zelf verwijderd (zie de lijst hierboven)</translation>
        </message>
        <message>
            <source>Oudere versies en kopieën ervan verwijderd (bijv. 'kopie van…', 'v2', back-upmappen)</source>
            <translation>Oudere versies en kopieën ervan verwijderd (bijv. 'kopie van…', 'v2', back-upmappen)</translation>
        </message>
        <message>
            <source>E-mailbijlagen verwijderd: in verzonden én ontvangen berichten, ook bij collega's</source>
            <translation>E-mailbijlagen verwijderd: in verzonden én ontvangen berichten, ook bij collega's</translation>
        </message>
        <message>
            <source>USB-sticks en externe schijven nagekeken en opgeschoond</source>
            <translation>USB-sticks en externe schijven nagekeken en opgeschoond</translation>
        </message>
        <message>
            <source>Netwerkschijven en gedeelde mappen opgeschoond</source>
            <translation>Netwerkschijven en gedeelde mappen opgeschoond</translation>
        </message>
        <message>
            <source>Cloudmappen (OneDrive, Dropbox, Google Drive) opgeschoond, inclusief hun prullenbak en versiegeschiedenis</source>
            <translation>Cloudmappen (OneDrive, Dropbox, Google Drive) opgeschoond, inclusief hun prullenbak en versiegeschiedenis</translation>
        </message>
        <message>
            <source>De prullenbak van deze computer geleegd</source>
            <translation>De prullenbak van deze computer geleegd</translation>
        </message>
        <message>
            <source>Alles afgevinkt. Goed gedaan.</source>
            <translation>Alles afgevinkt. Goed gedaan.</translation>
        </message>
        <message>
            <source>%1 van %2 afgevinkt</source>
            <translation>%1 van %2 afgevinkt</translation>
        </message>
        <message>
            <source>Er is nog geen back-up van de kluis. Maak eerst een back-up (Bestand → Back-up maken…); ruim pas daarna de oude bestanden op, want tot dan zijn zij de enige andere kopie.</source>
            <translation>Er is nog geen back-up van de kluis. Maak eerst een back-up (Bestand → Back-up maken…); ruim pas daarna de oude bestanden op, want tot dan zijn zij de enige andere kopie.</translation>
        </message>
        <message>
            <source>De import is klaar. Alles is in één keer opgeslagen.</source>
            <translation>De import is klaar. Alles is in één keer opgeslagen.</translation>
        </message>
        <message>
            <source>nieuwe personen</source>
            <translation>nieuwe personen</translation>
        </message>
        <message>
            <source>samengevoegde rijen</source>
            <translation>samengevoegde rijen</translation>
        </message>
        <message>
            <source>aangevulde bestaande contacten</source>
            <translation>aangevulde bestaande contacten</translation>
        </message>
        <message>
            <source>niet te importeren rijen</source>
            <translation>niet te importeren rijen</translation>
        </message>
        <message>
            <source>gemarkeerd (bijzondere gegevens)</source>
            <translation>gemarkeerd (bijzondere gegevens)</translation>
        </message>
        <message>
            <source>onderdrukt (eerder gewist)</source>
            <translation>onderdrukt (eerder gewist)</translation>
        </message>
        <message>
            <source>mogelijke dubbelen</source>
            <translation>mogelijke dubbelen</translation>
        </message>
        <message>
            <source>overgeslagen rijen en bladen</source>
            <translation>overgeslagen rijen en bladen</translation>
        </message>
        <message>
            <source>Niet geïmporteerd (%1)</source>
            <translation>Niet geïmporteerd (%1)</translation>
        </message>
        <message>
            <source>Gemarkeerd (%1)</source>
            <translation>Gemarkeerd (%1)</translation>
        </message>
        <message>
            <source>Onderdrukt (%1)</source>
            <translation>Onderdrukt (%1)</translation>
        </message>
        <message>
            <source>Mogelijke dubbelen (%1)</source>
            <translation>Mogelijke dubbelen (%1)</translation>
        </message>
        <message>
            <source>Niet overgenomen kolommen (%1)</source>
            <translation>Niet overgenomen kolommen (%1)</translation>
        </message>
        <message>
            <source>Oude bestanden opruimen</source>
            <translation>Oude bestanden opruimen</translation>
        </message>
        <message>
            <source>Geïmporteerde bestanden: %1</source>
            <translation>Geïmporteerde bestanden: %1</translation>
        </message>
        <message>
            <source>mogelijk bijzondere persoonsgegevens (%1)</source>
            <translation>mogelijk bijzondere persoonsgegevens (%1)</translation>
        </message>
        <message>
            <source>contact %1</source>
            <translation>contact %1</translation>
        </message>
        <message>
            <source>lijkende naam, zelfde postcode</source>
            <translation>lijkende naam, zelfde postcode</translation>
        </message>
        <message>
            <source>zelfde naam, andere postcode</source>
            <translation>zelfde naam, andere postcode</translation>
        </message>
        <message>
            <source>Beide openen</source>
            <translation>Beide openen</translation>
        </message>
        <message>
            <source>Importverslag opslaan</source>
            <translation>Importverslag opslaan</translation>
        </message>
        <message>
            <source>JSON-bestanden (*.json)</source>
            <translation>JSON-bestanden (*.json)</translation>
        </message>
        <message>
            <source>Opslaan mislukt</source>
            <translation>Opslaan mislukt</translation>
        </message>
        <message>
            <source>Het verslag kon niet worden opgeslagen in '%1'.</source>
            <translation>Het verslag kon niet worden opgeslagen in '%1'.</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <source>Verzoeken van betrokkenen</source>
            <extracomment>tests and scripts may replace the dialog factories (like MessageBox presets)</extracomment>
            <translation>Verzoeken van betrokkenen</translation>
        </message>
        <message>
            <source>Inzage, correctie, verwijdering, bezwaar: antwoord binnen een maand na ontvangst; verlengen met twee maanden kan één keer, met een reden, binnen die eerste maand.</source>
            <translation>Inzage, correctie, verwijdering, bezwaar: antwoord binnen een maand na ontvangst; verlengen met twee maanden kan één keer, met een reden, binnen die eerste maand.</translation>
        </message>
        <message>
            <source>Ook afgesloten verzoeken tonen</source>
            <translation>Ook afgesloten verzoeken tonen</translation>
        </message>
        <message>
            <source>Nr.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Soort</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Ontvangen</source>
            <translation>Ontvangen</translation>
        </message>
        <message>
            <source>Uiterlijk</source>
            <translation>Uiterlijk</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Identiteit</source>
            <translation>Identiteit</translation>
        </message>
        <message>
            <source>Nieuw verzoek…</source>
            <translation>Nieuw verzoek…</translation>
        </message>
        <message>
            <source>Verlengen…</source>
            <translation>Verlengen…</translation>
        </message>
        <message>
            <source>Afsluiten…</source>
            <translation>Afsluiten…</translation>
        </message>
        <message>
            <source>Inzage-export maken…</source>
            <translation>Inzage-export maken…</translation>
        </message>
        <message>
            <source>Gegevens wissen…</source>
            <translation>Gegevens wissen…</translation>
        </message>
        <message>
            <source>Contact openen</source>
            <translation>Contact openen</translation>
        </message>
        <message>
            <source>Meer</source>
            <translation>Meer</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>verlengd</source>
            <translation>verlengd</translation>
        </message>
        <message>
            <source>afgehandeld</source>
            <translation>afgehandeld</translation>
        </message>
        <message>
            <source>afgewezen</source>
            <translation>afgewezen</translation>
        </message>
        <message numerus="yes">
            <source>%n dag(en) te laat</source>
            <translation>
                <numerusform>%n dag te laat</numerusform>
                <numerusform>%n dagen te laat</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>nog %n dag(en)</source>
            <translation>
                <numerusform>nog %n dag</numerusform>
                <numerusform>nog %n dagen</numerusform>
            </translation>
        </message>
        <message>
            <source>gecontroleerd</source>
            <translation>gecontroleerd</translation>
        </message>
        <message>
            <source>nog niet</source>
            <translation>nog niet</translation>
        </message>
        <message>
            <source>Alleen een beheerder kan een inzage-export maken</source>
            <translation>Alleen een beheerder kan een inzage-export maken</translation>
        </message>
        <message>
            <source>Alleen een beheerder kan gegevens wissen</source>
            <translation>Alleen een beheerder kan gegevens wissen</translation>
        </message>
        <message>
            <source>Niet gelukt</source>
            <translation>Niet gelukt</translation>
        </message>
        <message>
            <source>Verzoek %1 is geregistreerd voor %2.</source>
            <translation>Verzoek %1 is geregistreerd voor %2.</translation>
        </message>
        <message>
            <source>Verzoek %1 is geregistreerd zonder contact.</source>
            <translation>Verzoek %1 is geregistreerd zonder contact.</translation>
        </message>
        <message>
            <source>Termijn verlengen</source>
            <translation>Termijn verlengen</translation>
        </message>
        <message>
            <source>Waarom is meer tijd nodig? Deze reden moet u de persoon ook laten weten.</source>
            <translation>Waarom is meer tijd nodig? Deze reden moet u de persoon ook laten weten.</translation>
        </message>
        <message>
            <source>Verzoek %1 is verlengd tot %2.</source>
            <translation>Verzoek %1 is verlengd tot %2.</translation>
        </message>
        <message>
            <source>Verzoek %1 is afgesloten.</source>
            <translation>Verzoek %1 is afgesloten.</translation>
        </message>
        <message>
            <source>De identiteit van de verzoeker is nog niet gecontroleerd. Is die nu vastgesteld?</source>
            <translation>De identiteit van de verzoeker is nog niet gecontroleerd. Is die nu vastgesteld?</translation>
        </message>
        <message>
            <source>Map voor de inzage-export</source>
            <translation>Map voor de inzage-export</translation>
        </message>
        <message>
            <source>Inzage-export gemaakt</source>
            <translation>Inzage-export gemaakt</translation>
        </message>
        <message>
            <source>Geschreven in '%1': %2.

Stuur de bestanden via een beveiligde weg en verwijder daarna uw eigen kopie. Sluit het verzoek af als het is verstuurd.</source>
            <translation>Geschreven in '%1': %2.

Stuur de bestanden via een beveiligde weg en verwijder daarna uw eigen kopie. Sluit het verzoek af als het is verstuurd.</translation>
        </message>
        <message>
            <source>Inzage-export voor verzoek %1 gemaakt.</source>
            <translation>Inzage-export voor verzoek %1 gemaakt.</translation>
        </message>
        <message>
            <source>Contact #%1 wordt definitief gewist:

• naam, adres, e-mailadressen, telefoonnummers, notities, toestemmingen, relaties en herkomst verdwijnen uit de kluis en uit de zoekindex;
• van de e-mailadressen en telefoonnummers blijft alleen een onleesbare vingerafdruk op de verwijderlijst, zodat een latere import de persoon niet opnieuw toevoegt;
• het verzoek zelf blijft in het register staan, zonder persoonsgegevens;
• dit kan niet ongedaan worden gemaakt (ook niet door een beheerder).

Let op: oude back-ups bevatten de persoon nog tot ze verlopen.

Doorgaan?</source>
            <translation>Contact #%1 wordt definitief gewist:

• naam, adres, e-mailadressen, telefoonnummers, notities, toestemmingen, relaties en herkomst verdwijnen uit de kluis en uit de zoekindex;
• van de e-mailadressen en telefoonnummers blijft alleen een onleesbare vingerafdruk op de verwijderlijst, zodat een latere import de persoon niet opnieuw toevoegt;
• het verzoek zelf blijft in het register staan, zonder persoonsgegevens;
• dit kan niet ongedaan worden gemaakt (ook niet door een beheerder).

Let op: oude back-ups bevatten de persoon nog tot ze verlopen.

Doorgaan?</translation>
        </message>
        <message>
            <source>Niet toegestaan</source>
            <translation>Niet toegestaan</translation>
        </message>
        <message>
            <source>Alleen een beheerder kan gegevens wissen.</source>
            <translation>Alleen een beheerder kan gegevens wissen.</translation>
        </message>
        <message>
            <source>Gegevens wissen</source>
            <translation>Gegevens wissen</translation>
        </message>
        <message>
            <source>Contact #%1 is gewist. Sluit het verzoek af en laat de persoon weten dat het is gebeurd.</source>
            <translation>Contact #%1 is gewist. Sluit het verzoek af en laat de persoon weten dat het is gebeurd.</translation>
        </message>
    </context>
    <context>
        <name>RetentionPage</name>
        <message>
            <source>Bewaartermijnen</source>
            <translation>Bewaartermijnen</translation>
        </message>
        <message>
            <source>Deze records zijn over hun bewaartermijn: er is geen doel meer dat bewaren rechtvaardigt. Anonimiseren houdt alleen grove, niet-herleidbare gegevens over voor de statistiek (postcodegebied, geboortedecennium, soort relatie en jaar); verwijderen wist het record helemaal. Een record met een open verzoek staat hier nooit tussen.</source>
            <translation>Deze personen zijn over hun bewaartermijn: er is geen doel meer dat bewaren rechtvaardigt. Anonimiseren houdt alleen grove, niet-herleidbare gegevens over voor de statistiek (postcodegebied, geboortedecennium, soort relatie en jaar); verwijderen wist alle gegevens van de persoon. Iemand met een open verzoek staat hier nooit tussen.</translation>
        </message>
        <message>
            <source>Nr.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Naam</translation>
        </message>
        <message>
            <source>Bewaren tot</source>
            <translation>Bewaren tot</translation>
        </message>
        <message>
            <source>Waarom</source>
            <translation>Waarom</translation>
        </message>
        <message>
            <source>Alles selecteren</source>
            <translation>Alles selecteren</translation>
        </message>
        <message>
            <source>Vernieuwen</source>
            <translation>Vernieuwen</translation>
        </message>
        <message>
            <source>Anonimiseren…</source>
            <translation>Anonimiseren…</translation>
        </message>
        <message>
            <source>Verwijderen…</source>
            <translation>Verwijderen…</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) over de bewaartermijn</source>
            <translation>
                <numerusform>%n persoon over de bewaartermijn</numerusform>
                <numerusform>%n personen over de bewaartermijn</numerusform>
            </translation>
        </message>
        <message>
            <source>Geen records over de bewaartermijn.</source>
            <translation>Niemand over de bewaartermijn.</translation>
        </message>
        <message>
            <source>Alleen een beheerder kan verlopen records opschonen</source>
            <translation>Alleen een beheerder kan verlopen gegevens opschonen</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) anonimiseren? Naam, adres, e-mail, telefoon, notities, toestemmingen en herkomst verdwijnen; alleen postcodegebied, geboortedecennium en soort relatie met jaar blijven voor de statistiek. Dit kan niet ongedaan worden gemaakt.</source>
            <translation>
                <numerusform>%n persoon anonimiseren? Naam, adres, e-mail, telefoon, notities, toestemmingen en herkomst verdwijnen; alleen postcodegebied, geboortedecennium en soort relatie met jaar blijven voor de statistiek. Dit kan niet ongedaan worden gemaakt.</numerusform>
                <numerusform>%n personen anonimiseren? Naam, adres, e-mail, telefoon, notities, toestemmingen en herkomst verdwijnen; alleen postcodegebied, geboortedecennium en soort relatie met jaar blijven voor de statistiek. Dit kan niet ongedaan worden gemaakt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) definitief verwijderen? Er blijft niets van over, ook niet voor de statistiek. Dit kan niet ongedaan worden gemaakt.</source>
            <translation>
                <numerusform>%n persoon definitief verwijderen? Er blijft niets van over, ook niet voor de statistiek. Dit kan niet ongedaan worden gemaakt.</numerusform>
                <numerusform>%n personen definitief verwijderen? Er blijft niets van over, ook niet voor de statistiek. Dit kan niet ongedaan worden gemaakt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Niet toegestaan</source>
            <translation>Niet toegestaan</translation>
        </message>
        <message>
            <source>Alleen een beheerder kan verlopen records opschonen.</source>
            <translation>Alleen een beheerder kan verlopen gegevens opschonen.</translation>
        </message>
        <message>
            <source>Anonimiseren</source>
            <translation>Anonimiseren</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Verwijderen</translation>
        </message>
        <message>
            <source>Niet gelukt</source>
            <translation>Niet gelukt</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) geanonimiseerd.</source>
            <translation>
                <numerusform>%n persoon geanonimiseerd.</numerusform>
                <numerusform>%n personen geanonimiseerd.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) verwijderd.</source>
            <translation>
                <numerusform>%n persoon verwijderd.</numerusform>
                <numerusform>%n personen verwijderd.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) overgeslagen: niet (meer) verlopen.</source>
            <translation>
                <numerusform>%n persoon overgeslagen: niet (meer) verlopen.</numerusform>
                <numerusform>%n personen overgeslagen: niet (meer) verlopen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RunStep</name>
        <message>
            <source>Bezig met importeren…</source>
            <translation>Bezig met importeren…</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <source>Annuleren laat de kluis precies zoals hij was: de import wordt in één keer opgeslagen of helemaal niet.</source>
            <translation>Annuleren laat de kluis precies zoals hij was: de import wordt in één keer opgeslagen of helemaal niet.</translation>
        </message>
        <message>
            <source>Opslaan in de kluis…</source>
            <translation>Opslaan in de kluis…</translation>
        </message>
        <message>
            <source>Annuleren…</source>
            <translation>Annuleren…</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Doelen, grondslagen en bewaartermijnen</source>
            <translation>Doelen, grondslagen en bewaartermijnen</translation>
        </message>
        <message>
            <source>Doel toevoegen</source>
            <translation>Doel toevoegen</translation>
        </message>
        <message>
            <source>Doel verwijderen</source>
            <translation>Doel verwijderen</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Opslaan</translation>
        </message>
        <message>
            <source>Vergrendelen en taal</source>
            <translation>Vergrendelen en taal</translation>
        </message>
        <message>
            <source> minuten</source>
            <translation> minuten</translation>
        </message>
        <message>
            <source>Automatisch vergrendelen na:</source>
            <translation>Automatisch vergrendelen na:</translation>
        </message>
        <message>
            <source>Taal:</source>
            <translation>Taal:</translation>
        </message>
        <message>
            <source>Back-up</source>
            <translation>Back-up</translation>
        </message>
        <message>
            <source>Map kiezen…</source>
            <translation>Map kiezen…</translation>
        </message>
        <message>
            <source>Nu back-up maken</source>
            <translation>Nu back-up maken</translation>
        </message>
        <message>
            <source>Een back-up is één versleuteld bestand. Zet het op een externe schijf of netwerkmap, niet alleen op deze computer.</source>
            <translation>Een back-up is één versleuteld bestand. Zet het op een externe schijf of netwerkmap, niet alleen op deze computer.</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Naam</translation>
        </message>
        <message>
            <source>Grondslag</source>
            <translation>Grondslag</translation>
        </message>
        <message>
            <source>Bewaren</source>
            <translation>Bewaren</translation>
        </message>
        <message>
            <source>Jaren</source>
            <translation>Jaren</translation>
        </message>
        <message>
            <source>Maanden</source>
            <translation>Maanden</translation>
        </message>
        <message>
            <source>Waarom de instelling gegevens bewaart, op welke grondslag (AVG art. 6) en hoe lang. Wijzigingen gelden direct voor alle contacten.</source>
            <translation>Waarom de instelling gegevens bewaart, op welke grondslag (AVG art. 6) en hoe lang. Wijzigingen gelden direct voor alle contacten.</translation>
        </message>
        <message>
            <source>Doel</source>
            <translation>Doel</translation>
        </message>
        <message>
            <source>Bewaartermijn</source>
            <translation>Bewaartermijn</translation>
        </message>
        <message>
            <source>Alleen een beheerder kan doelen en bewaartermijnen wijzigen.</source>
            <translation>Alleen een beheerder kan doelen en bewaartermijnen wijzigen.</translation>
        </message>
        <message>
            <source>zolang toestemming geldt</source>
            <translation>zolang toestemming geldt</translation>
        </message>
        <message>
            <source>na einde relatie</source>
            <translation>na einde relatie</translation>
        </message>
        <message>
            <source>na laatste activiteit</source>
            <translation>na laatste activiteit</translation>
        </message>
        <message>
            <source>Doelen niet opgeslagen</source>
            <translation>Doelen niet opgeslagen</translation>
        </message>
        <message>
            <source>De nieuwe taal wordt gebruikt na een herstart van Contactkluis.</source>
            <translation>De nieuwe taal wordt gebruikt na een herstart van Contactkluis.</translation>
        </message>
        <message>
            <source>Map voor back-ups</source>
            <translation>Map voor back-ups</translation>
        </message>
    </context>
    <context>
        <name>SheetEditor</name>
        <message>
            <source>Kies een andere tekenset als letters met accenten verkeerd worden getoond</source>
            <translation>Kies een andere tekenset als letters met accenten verkeerd worden getoond</translation>
        </message>
        <message>
            <source>Lijstdatum:</source>
            <translation>Lijstdatum:</translation>
        </message>
        <message>
            <source>Naamkolom: achternaam eerst (voor de hele kolom bepaald)</source>
            <translation>Naamkolom: achternaam eerst (voor de hele kolom bepaald)</translation>
        </message>
        <message>
            <source>Naamkolom: voornaam eerst (voor de hele kolom bepaald)</source>
            <translation>Naamkolom: voornaam eerst (voor de hele kolom bepaald)</translation>
        </message>
        <message>
            <source>Op deze dag klopte de lijst; pas hem aan als de herkende datum niet klopt</source>
            <translation>Op deze dag klopte de lijst; pas hem aan als de herkende datum niet klopt</translation>
        </message>
        <message>
            <source>Soort lijst:</source>
            <translation>Soort lijst:</translation>
        </message>
        <message>
            <source>Tekenset:</source>
            <translation>Tekenset:</translation>
        </message>
        <message>
            <source>Tekenset: %1 (automatisch herkend)</source>
            <translation>Tekenset: %1 (automatisch herkend)</translation>
        </message>
        <message>
            <source>Tekenset: %1 (door u gekozen)</source>
            <translation>Tekenset: %1 (door u gekozen)</translation>
        </message>
        <message>
            <source>bron: %1</source>
            <translation>bron: %1</translation>
        </message>
        <message>
            <source>De rij met de kolomnamen, zoals Excel hem nummert</source>
            <translation>De rij met de kolomnamen, zoals Excel hem nummert</translation>
        </message>
        <message>
            <source>geen (eerste rij is een persoon)</source>
            <translation>geen (eerste rij is een persoon)</translation>
        </message>
        <message>
            <source>Dit werkblad importeren</source>
            <translation>Dit werkblad importeren</translation>
        </message>
        <message>
            <source>Automatisch</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>Kopregel in rij:</source>
            <translation>Kopregel in rij:</translation>
        </message>
        <message>
            <source>Kolom</source>
            <translation>Kolom</translation>
        </message>
        <message>
            <source>Importeren als</source>
            <translation>Importeren als</translation>
        </message>
        <message>
            <source>Herkend aan</source>
            <translation>Herkend aan</translation>
        </message>
        <message>
            <source>Voorbeeld %1</source>
            <translation>Voorbeeld %1</translation>
        </message>
        <message>
            <source>Waarschuwingen</source>
            <translation>Waarschuwingen</translation>
        </message>
        <message>
            <source>kolomnaam</source>
            <translation>kolomnaam</translation>
        </message>
        <message>
            <source>inhoud</source>
            <translation>inhoud</translation>
        </message>
        <message>
            <source>handmatig</source>
            <translation>handmatig</translation>
        </message>
        <message>
            <source>Automatisch (%1)</source>
            <translation>Automatisch (%1)</translation>
        </message>
        <message numerus="yes">
            <source>%n rij(en) met gegevens</source>
            <translation>
                <numerusform>%n rij met gegevens</numerusform>
                <numerusform>%n rijen met gegevens</numerusform>
            </translation>
        </message>
        <message>
            <source>Dit werkblad wordt overgeslagen: %1</source>
            <translation>Dit werkblad wordt overgeslagen: %1</translation>
        </message>
        <message>
            <source>Naamkolom: volgorde niet zeker, voornaam eerst aangenomen — controleer</source>
            <translation>Naamkolom: volgorde niet zeker, voornaam eerst aangenomen — controleer</translation>
        </message>
        <message>
            <source>(geen kolomnaam)</source>
            <translation>(geen kolomnaam)</translation>
        </message>
        <message>
            <source>niet importeren</source>
            <translation>niet importeren</translation>
        </message>
        <message>
            <source>Deze waarde wordt niet herkend; hij wordt bewaard zoals hij er staat of overgeslagen</source>
            <translation>Deze waarde wordt niet herkend; hij wordt bewaard zoals hij er staat of overgeslagen</translation>
        </message>
    </context>
    <context>
        <name>StatsPage</name>
        <message>
            <source>Wat wilt u tellen?</source>
            <translation>Wat wilt u tellen?</translation>
        </message>
        <message>
            <source>Wie</source>
            <translation>Wie</translation>
        </message>
        <message>
            <source>Indeling</source>
            <translation>Indeling</translation>
        </message>
        <message>
            <source>Uitgesplitst naar</source>
            <translation>Uitgesplitst naar</translation>
        </message>
        <message>
            <source>Kleine aantallen afschermen, onder</source>
            <translation>Kleine aantallen afschermen, onder</translation>
        </message>
        <message>
            <source>Alle aantallen afronden op 5</source>
            <translation>Alle aantallen afronden op 5</translation>
        </message>
        <message>
            <source>Bescherming</source>
            <translation>Bescherming</translation>
        </message>
        <message>
            <source>Exporteren…</source>
            <translation>Exporteren…</translation>
        </message>
        <message>
            <source>Deze tabel opslaan als .xlsx of .csv</source>
            <translation>Deze tabel opslaan als .xlsx of .csv</translation>
        </message>
        <message>
            <source>Standaardset exporteren…</source>
            <translation>Standaardset exporteren…</translation>
        </message>
        <message>
            <source>Alle standaardtabellen voor een jaarverslag in één .xlsx-bestand</source>
            <translation>Alle standaardtabellen voor een jaarverslag in één .xlsx-bestand</translation>
        </message>
        <message>
            <source>Toestemming: %1</source>
            <translation>Toestemming: %1</translation>
        </message>
        <message>
            <source>(niet uitsplitsen)</source>
            <translation>(niet uitsplitsen)</translation>
        </message>
        <message>
            <source>Uw rol mag geen tellingen maken.</source>
            <translation>Uw rol mag geen tellingen maken.</translation>
        </message>
        <message>
            <source>Bezig met tellen…</source>
            <translation>Bezig met tellen…</translation>
        </message>
        <message>
            <source>Tellen is mislukt (%1).</source>
            <translation>Tellen is mislukt (%1).</translation>
        </message>
        <message>
            <source>Afgeschermde aantallen (x) zijn weggelaten: hun staven ontbreken in de grafiek.</source>
            <translation>Afgeschermde aantallen (x) zijn weggelaten: hun staven ontbreken in de grafiek.</translation>
        </message>
        <message>
            <source>Hoe komen deze cijfers tot stand?</source>
            <translation>Hoe komen deze cijfers tot stand?</translation>
        </message>
        <message>
            <source>Opgeslagen: %1</source>
            <translation>Opgeslagen: %1</translation>
        </message>
        <message>
            <source>Aantal</source>
            <translation>Aantal</translation>
        </message>
        <message>
            <source>De grafiek toont de eerste 12 kolommen; de tabel toont alle.</source>
            <translation>De grafiek toont de eerste 12 kolommen; de tabel toont alle.</translation>
        </message>
        <message>
            <source>Hier maakt u tellingen voor een jaarverslag of een subsidiegever. Elke persoon telt één keer per waarde die op hem of haar van toepassing is: wie vriend én donateur is, telt bij beide mee, dus het totaal kan groter zijn dan het aantal personen. Wie een gegeven mist, telt onder 'onbekend'. Contacten met een beperking van de verwerking tellen niet mee.</source>
            <translation>Hier maakt u tellingen voor een jaarverslag of een subsidiegever. Elke persoon telt één keer per waarde die op hem of haar van toepassing is: wie vriend én donateur is, telt bij beide mee, dus het totaal kan groter zijn dan het aantal personen. Wie een gegeven mist, telt onder 'onbekend'. Contacten met een beperking van de verwerking tellen niet mee.</translation>
        </message>
        <message>
            <source>De tabel en het exportbestand bevatten alleen aantallen: geen namen, adressen, e-mailadressen of andere gegevens over één persoon. U kunt alleen alle contacten of één soort relatie kiezen, niet een zelfgekozen selectie: zo kan een tabel nooit over een handvol mensen gaan.</source>
            <translation>De tabel en het exportbestand bevatten alleen aantallen: geen namen, adressen, e-mailadressen of andere gegevens over één persoon. U kunt alleen alle contacten of één soort relatie kiezen, niet een zelfgekozen selectie: zo kan een tabel nooit over een handvol mensen gaan.</translation>
        </message>
        <message>
            <source>Tabel exporteren</source>
            <translation>Tabel exporteren</translation>
        </message>
        <message>
            <source>Excel-werkmap (*.xlsx);;CSV, puntkomma's (*.csv)</source>
            <translation>Excel-werkmap (*.xlsx);;CSV, puntkomma's (*.csv)</translation>
        </message>
        <message>
            <source>Standaardset exporteren</source>
            <translation>Standaardset exporteren</translation>
        </message>
        <message>
            <source>Excel-werkmap (*.xlsx)</source>
            <translation>Excel-werkmap (*.xlsx)</translation>
        </message>
        <message>
            <source>Exporteren</source>
            <translation>Exporteren</translation>
        </message>
    </context>
    <context>
        <name>StatsSection</name>
        <message>
            <source>Tellingen (anonieme aantallen)</source>
            <translation>Tellingen (anonieme aantallen)</translation>
        </message>
        <message>
            <source>Drempel opslaan</source>
            <translation>Drempel opslaan</translation>
        </message>
        <message>
            <source>Bevriezen</source>
            <translation>Bevriezen</translation>
        </message>
        <message>
            <source>Ontdooien</source>
            <translation>Ontdooien</translation>
        </message>
        <message>
            <source>Aantallen van 1 tot de drempel k worden in elke telling afgeschermd. Alleen de beheerder stelt k in (minstens 5); gebruikers kunnen een hogere k kiezen, geen lagere. In een bevroren peiljaar geeft een export de eerder gepubliceerde cijfers.</source>
            <translation>Aantallen van 1 tot de drempel k worden in elke telling afgeschermd. Alleen de beheerder stelt k in (minstens 5); gebruikers kunnen een hogere k kiezen, geen lagere. In een bevroren peiljaar geeft een export de eerder gepubliceerde cijfers.</translation>
        </message>
        <message>
            <source>Drempel k:</source>
            <translation>Drempel k:</translation>
        </message>
        <message>
            <source>Peiljaar:</source>
            <translation>Peiljaar:</translation>
        </message>
        <message>
            <source>Bevroren:</source>
            <translation>Bevroren:</translation>
        </message>
        <message>
            <source>geen</source>
            <translation>geen</translation>
        </message>
        <message>
            <source>Drempel opgeslagen.</source>
            <translation>Drempel opgeslagen.</translation>
        </message>
    </context>
    <context>
        <name>SummaryStep</name>
        <message>
            <source>Terug naar de koppeling</source>
            <translation>Terug naar de koppeling</translation>
        </message>
        <message>
            <source>Importeren</source>
            <translation>Importeren</translation>
        </message>
        <message>
            <source>Proefimport: er wordt niets opgeslagen…</source>
            <translation>Proefimport: er wordt niets opgeslagen…</translation>
        </message>
        <message>
            <source>Proefimport klaar: zo ziet de import eruit. Er is nog niets opgeslagen.</source>
            <translation>Proefimport klaar: zo ziet de import eruit. Er is nog niets opgeslagen.</translation>
        </message>
        <message>
            <source>nieuwe personen</source>
            <translation>nieuwe personen</translation>
        </message>
        <message>
            <source>samengevoegde rijen</source>
            <translation>samengevoegde rijen</translation>
        </message>
        <message>
            <source>niet te importeren rijen</source>
            <translation>niet te importeren rijen</translation>
        </message>
        <message>
            <source>gemarkeerd (bijzondere gegevens)</source>
            <translation>gemarkeerd (bijzondere gegevens)</translation>
        </message>
        <message>
            <source>onderdrukt (eerder gewist)</source>
            <translation>onderdrukt (eerder gewist)</translation>
        </message>
        <message>
            <source>mogelijke dubbelen</source>
            <translation>mogelijke dubbelen</translation>
        </message>
        <message>
            <source>overgeslagen rijen en bladen</source>
            <translation>overgeslagen rijen en bladen</translation>
        </message>
        <message>
            <source>waarschuwingen</source>
            <translation>waarschuwingen</translation>
        </message>
        <message>
            <source>De import is geannuleerd. Er is niets opgeslagen; de kluis is ongewijzigd.</source>
            <translation>De import is geannuleerd. Er is niets opgeslagen; de kluis is ongewijzigd.</translation>
        </message>
    </context>
    <context>
        <name>UnlockScreen</name>
        <message>
            <source>Contactkluis is vergrendeld</source>
            <translation>Contactkluis is vergrendeld</translation>
        </message>
        <message>
            <source>Ontgrendelen</source>
            <translation>Ontgrendelen</translation>
        </message>
        <message>
            <source>Wachtwoord vergeten?</source>
            <translation>Wachtwoord vergeten?</translation>
        </message>
        <message>
            <source>Account:</source>
            <translation>Account:</translation>
        </message>
        <message>
            <source>Wachtwoord:</source>
            <translation>Wachtwoord:</translation>
        </message>
        <message>
            <source>Vul uw account en wachtwoord in.</source>
            <translation>Vul uw account en wachtwoord in.</translation>
        </message>
        <message>
            <source>De kluis wordt eenmalig bijgewerkt voor deze versie van Contactkluis, na een reservekopie. Bij een grote kluis duurt dat tot een halve minuut. Sluit het programma niet af.</source>
            <translation>De kluis wordt eenmalig bijgewerkt voor deze versie van Contactkluis, na een reservekopie. Bij een grote kluis duurt dat tot een halve minuut. Sluit het programma niet af.</translation>
        </message>
        <message>
            <source>Kluis in gebruik</source>
            <translation>Kluis in gebruik</translation>
        </message>
        <message>
            <source>U kunt de kluis alleen-lezen openen: u ziet alles, maar kunt niets wijzigen. Alleen-lezen openen?</source>
            <translation>U kunt de kluis alleen-lezen openen: u ziet alles, maar kunt niets wijzigen. Alleen-lezen openen?</translation>
        </message>
        <message>
            <source>Ontgrendelen (%1)</source>
            <translation>Ontgrendelen (%1)</translation>
        </message>
        <message>
            <source>Het wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord.</source>
            <translation>Het wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord.</translation>
        </message>
    </context>
</TS>
