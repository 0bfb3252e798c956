<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>Managers</source>
        <translation>Managers</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name in Arabic</source>
        <translation>Nom en arabe</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>Voyages</translation>
    </message>
    <message>
        <source>Tours the manager is expected on</source>
        <translation>Voyages auxquels le manager est attendu</translation>
    </message>
    <message>
        <source>Topics wanted</source>
        <translation>Thèmes souhaités</translation>
    </message>
    <message>
        <source>The manager&apos;s most wanted topics</source>
        <translation>Les thèmes les plus souhaités par le manager</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Travel documents</source>
        <translation>Documents de voyage</translation>
    </message>
    <message>
        <source>on file (hidden)</source>
        <translation>enregistrés (masqués)</translation>
    </message>
    <message>
        <source>Passport and date of birth are shown only in the editor, on request</source>
        <translation>Le passeport et la date de naissance ne s&apos;affichent que dans l&apos;éditeur, sur demande</translation>
    </message>
    <message>
        <source>Badge token</source>
        <translation>Code de badge</translation>
    </message>
    <message>
        <source>Search managers: name, country, city, organisation, tour, topic… (Ctrl+F)</source>
        <translation>Rechercher des managers : nom, pays, ville, organisation, voyage, thème… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>Souhaité par</translation>
    </message>
    <message>
        <source>Managers who ranked this topic</source>
        <translation>Managers ayant classé ce thème</translation>
    </message>
    <message>
        <source>Managers who ranked it first</source>
        <translation>Managers l&apos;ayant classé en premier</translation>
    </message>
    <message>
        <source>Search topics (Ctrl+F)</source>
        <translation>Rechercher des thèmes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Places prises</translation>
    </message>
    <message>
        <source>Expected managers (proposed or confirmed) / capacity</source>
        <translation>Managers attendus (proposés ou confirmés) / capacité</translation>
    </message>
    <message>
        <source>Host agency</source>
        <translation>Agence d&apos;accueil</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Search tours (Ctrl+F)</source>
        <translation>Rechercher des voyages (Ctrl+F)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>Voyage</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>⚠: outside the tour&apos;s dates</source>
        <translation>⚠ : en dehors des dates du voyage</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Search sessions and visits (Ctrl+F)</source>
        <translation>Rechercher des séances et des visites (Ctrl+F)</translation>
    </message>
    <message>
        <source>Booster programmes (*.booster);;All files (*)</source>
        <translation>Programmes Booster (*.booster);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;New programme…</source>
        <translation>&amp;Nouveau programme…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open the &amp;demo programme</source>
        <translation>Ouvrir le programme de &amp;démonstration</translation>
    </message>
    <message>
        <source>New de&amp;mo programme…</source>
        <translation>Nouveau programme de dé&amp;monstration…</translation>
    </message>
    <message>
        <source>&amp;Import managers…</source>
        <translation>&amp;Importer des managers…</translation>
    </message>
    <message>
        <source>Tour &amp;agendas…</source>
        <translation>&amp;Agendas des voyages…</translation>
    </message>
    <message>
        <source>Print &amp;badges…</source>
        <translation>Imprimer les &amp;badges…</translation>
    </message>
    <message>
        <source>&amp;Allocate managers to tours…</source>
        <translation>&amp;Répartir les managers dans les voyages…</translation>
    </message>
    <message>
        <source>Topic &amp;demand…</source>
        <translation>&amp;Demande par thème…</translation>
    </message>
    <message>
        <source>Check-&amp;in…</source>
        <translation>&amp;Pointage…</translation>
    </message>
    <message>
        <source>&amp;Export for another laptop…</source>
        <translation>&amp;Exporter pour un autre ordinateur…</translation>
    </message>
    <message>
        <source>&amp;Merge from another laptop…</source>
        <translation>&amp;Fusionner depuis un autre ordinateur…</translation>
    </message>
    <message>
        <source>&amp;Attendance from paper…</source>
        <translation>&amp;Présences sur papier…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Enregistrer une &amp;copie sous…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ré&amp;glages…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Booster Desktop</source>
        <translation>À &amp;propos de Booster Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <source>&amp;Tour</source>
        <translation>&amp;Voyage</translation>
    </message>
    <message>
        <source>Check-&amp;in</source>
        <translation>&amp;Pointage</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Booster Desktop&lt;/h2&gt;&lt;p&gt;Inspiration and learning tours, organised offline.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Booster Desktop&lt;/h2&gt;&lt;p&gt;Des voyages d&apos;inspiration et d&apos;apprentissage, organisés hors ligne.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>Nouveau programme…</translation>
    </message>
    <message>
        <source>Open a programme…</source>
        <translation>Ouvrir un programme…</translation>
    </message>
    <message>
        <source>Open the demo programme</source>
        <translation>Ouvrir le programme de démonstration</translation>
    </message>
    <message>
        <source>Recent programmes:</source>
        <translation>Programmes récents :</translation>
    </message>
    <message>
        <source>&amp;Tour:</source>
        <translation>&amp;Voyage :</translation>
    </message>
    <message>
        <source>All tours</source>
        <translation>Tous les voyages</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>&amp;Demand…</source>
        <translation>&amp;Demande…</translation>
    </message>
    <message>
        <source>Who wants which topic, by rank; priorities and tours&apos; focus topics</source>
        <translation>Qui souhaite quel thème, par rang ; priorités et thèmes des voyages</translation>
    </message>
    <message>
        <source>Still opening the previous file…</source>
        <translation>Ouverture du fichier précédent en cours…</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>Ouverture de {path}…</translation>
    </message>
    <message>
        <source>Opened read-only: {read_only_reason}</source>
        <translation>Ouvert en lecture seule : {read_only_reason}</translation>
    </message>
    <message>
        <source>Upgraded from schema {migrated_from}; the file as it was is at {backup_path}</source>
        <translation>Mis à niveau depuis le schéma {migrated_from} ; le fichier tel qu&apos;il était se trouve dans {backup_path}</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path} : fichier introuvable</translation>
    </message>
    <message>
        <source>Cannot open the programme</source>
        <translation>Impossible d&apos;ouvrir le programme</translation>
    </message>
    <message>
        <source>Open a programme</source>
        <translation>Ouvrir un programme</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Nouveau programme</translation>
    </message>
    <message>
        <source>Cannot create the programme</source>
        <translation>Impossible de créer le programme</translation>
    </message>
    <message>
        <source>New demo programme</source>
        <translation>Nouveau programme de démonstration</translation>
    </message>
    <message>
        <source>Replace the demo programme with a fresh one? The current one, with your changes, is backed up first.</source>
        <translation>Remplacer le programme de démonstration par un nouveau ? L&apos;actuel, avec vos modifications, est d&apos;abord sauvegardé.</translation>
    </message>
    <message>
        <source>Cannot write the demo programme</source>
        <translation>Impossible d&apos;écrire le programme de démonstration</translation>
    </message>
    <message>
        <source>The previous demo is backed up at {backup}</source>
        <translation>La démonstration précédente est sauvegardée dans {backup}</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Enregistrer une copie sous</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>Impossible d&apos;enregistrer une copie</translation>
    </message>
    <message>
        <source>Saved a copy as {name}</source>
        <translation>Copie enregistrée sous {name}</translation>
    </message>
    <message>
        <source>{value} managers · {value2} countries · {value3} tours · {value4} sessions · {value5} enrolments</source>
        <translation>{value} managers · {value2} pays · {value3} voyages · {value4} séances · {value5} inscriptions</translation>
    </message>
    <message>
        <source>Delete {what}?</source>
        <translation>Supprimer {what} ?</translation>
    </message>
    <message>
        <source>

This also deletes </source>
        <translation>

Cela supprime aussi </translation>
    </message>
    <message>
        <source>

You can undo this (Edit &gt; Undo).</source>
        <translation>

Vous pouvez annuler (Édition &gt; Annuler).</translation>
    </message>
    <message>
        <source>Delete {singular}</source>
        <translation>Supprimer : {singular}</translation>
    </message>
    <message>
        <source>Allocation stored as proposed enrolments</source>
        <translation>Répartition enregistrée en inscriptions proposées</translation>
    </message>
    <message>
        <source>Open a programme you can change first.</source>
        <translation>Ouvrez d&apos;abord un programme modifiable.</translation>
    </message>
    <message>
        <source>The change was not made</source>
        <translation>La modification n&apos;a pas été faite</translation>
    </message>
</context>
<context>
    <name>ManagerEditor</name>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Prénom :</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Name in &amp;Arabic script:</source>
        <translation>Nom en écriture &amp;arabe :</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>Pa&amp;ys :</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>&amp;Ville :</translation>
    </message>
    <message>
        <source>e.g. Sfax</source>
        <translation>par ex. Sfax</translation>
    </message>
    <message>
        <source>Cluster / &amp;organisation:</source>
        <translation>Cluster / &amp;organisation :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Fonction :</translation>
    </message>
    <message>
        <source>e.g. Cluster manager</source>
        <translation>par ex. Manager de cluster</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Courriel :</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>Ge&amp;nder:</source>
        <translation>Ge&amp;nre :</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Éta&amp;t :</translation>
    </message>
    <message>
        <source>&amp;Diet:</source>
        <translation>&amp;Régime :</translation>
    </message>
    <message>
        <source>Vegetarian</source>
        <translation>Végétarien</translation>
    </message>
    <message>
        <source>Vegan</source>
        <translation>Végétalien</translation>
    </message>
    <message>
        <source>Halal</source>
        <translation>Halal</translation>
    </message>
    <message>
        <source>No pork</source>
        <translation>Sans porc</translation>
    </message>
    <message>
        <source>No alcohol</source>
        <translation>Sans alcool</translation>
    </message>
    <message>
        <source>Gluten-free</source>
        <translation>Sans gluten</translation>
    </message>
    <message>
        <source>Lactose-free</source>
        <translation>Sans lactose</translation>
    </message>
    <message>
        <source>Nut allergy</source>
        <translation>Allergie aux fruits à coque</translation>
    </message>
    <message>
        <source>Anything else, in the manager&apos;s words (e.g. no fish)</source>
        <translation>Autre chose, dans les mots du manager (par ex. pas de poisson)</translation>
    </message>
    <message>
        <source>Accessi&amp;bility needs:</source>
        <translation>Besoins d&apos;accessi&amp;bilité :</translation>
    </message>
    <message>
        <source>e.g. step-free access</source>
        <translation>par ex. accès sans marches</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>Travel documents (sensitive)</source>
        <translation>Documents de voyage (sensibles)</translation>
    </message>
    <message>
        <source>Show tra&amp;vel documents</source>
        <translation>Afficher les documents de &amp;voyage</translation>
    </message>
    <message>
        <source>Nat&amp;ionality:</source>
        <translation>Nat&amp;ionalité :</translation>
    </message>
    <message>
        <source>Passport nu&amp;mber:</source>
        <translation>Nu&amp;méro de passeport :</translation>
    </message>
    <message>
        <source>Passport e&amp;xpiry:</source>
        <translation>E&amp;xpiration du passeport :</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Date of birt&amp;h:</source>
        <translation>Date de nais&amp;sance :</translation>
    </message>
</context>
<context>
    <name>ProgrammeDetails</name>
    <message>
        <source>Programme details</source>
        <translation>Détails du programme</translation>
    </message>
    <message>
        <source>Printed on every booklet, badge and certificate: who to call, and where the group sleeps.</source>
        <translation>Imprimés sur chaque livret, badge et attestation : qui appeler, et où dort le groupe.</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>e.g. Cluster Booster: inspiration and learning tours</source>
        <translation>par ex. Cluster Booster : voyages d&apos;inspiration et d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <source>The programme&apos;s identity in calendars and exchanged journals; it never changes.</source>
        <translation>L&apos;identité du programme dans les calendriers et les journaux échangés ; elle ne change jamais.</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo :</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Leila Mansour</source>
        <translation>par ex. Leila Mansour</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>&amp;Fonction :</translation>
    </message>
    <message>
        <source>e.g. Programme coordinator</source>
        <translation>par ex. Coordinatrice du programme</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Courriel :</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@example.org</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>+32 2 555 01 23</source>
        <translation>+32 2 555 01 23</translation>
    </message>
    <message>
        <source>E&amp;mergency phone:</source>
        <translation>Téléphone d&apos;&amp;urgence :</translation>
    </message>
    <message>
        <source>a number answered day and night</source>
        <translation>un numéro joignable jour et nuit</translation>
    </message>
    <message>
        <source>Each tour&apos;s hotel and contact</source>
        <translation>L&apos;hôtel et le contact de chaque voyage</translation>
    </message>
    <message>
        <source>T&amp;our:</source>
        <translation>V&amp;oyage :</translation>
    </message>
    <message>
        <source>&amp;Hotel:</source>
        <translation>&amp;Hôtel :</translation>
    </message>
    <message>
        <source>e.g. Hotel Gràcia Centre</source>
        <translation>par ex. Hotel Gràcia Centre</translation>
    </message>
    <message>
        <source>Hotel a&amp;ddress:</source>
        <translation>A&amp;dresse de l&apos;hôtel :</translation>
    </message>
    <message>
        <source>Hotel pho&amp;ne:</source>
        <translation>Télé&amp;phone de l&apos;hôtel :</translation>
    </message>
    <message>
        <source>On-site &amp;contact:</source>
        <translation>&amp;Contact sur place :</translation>
    </message>
    <message>
        <source>when not the coordinator</source>
        <translation>quand ce n&apos;est pas la coordination</translation>
    </message>
    <message>
        <source>Contact ph&amp;one:</source>
        <translation>Téléph&amp;one du contact :</translation>
    </message>
    <message>
        <source>Contact e-m&amp;ail:</source>
        <translation>Courri&amp;el du contact :</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>&amp;Tour:</source>
        <translation>&amp;Voyage :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itre :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>St&amp;art time:</source>
        <translation>Heure de dé&amp;but :</translation>
    </message>
    <message>
        <source>&amp;End time:</source>
        <translation>Heure de &amp;fin :</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>Ad&amp;resse :</translation>
    </message>
    <message>
        <source>&amp;Visited:</source>
        <translation>&amp;Visité :</translation>
    </message>
    <message>
        <source>Host &amp;contact:</source>
        <translation>&amp;Contact sur place :</translation>
    </message>
    <message>
        <source>Who receives the group</source>
        <translation>Qui reçoit le groupe</translation>
    </message>
    <message>
        <source>Contact p&amp;hone:</source>
        <translation>Télép&amp;hone du contact :</translation>
    </message>
    <message>
        <source>+34 93 000 00 00</source>
        <translation>+34 93 000 00 00</translation>
    </message>
    <message>
        <source>T&amp;opics:</source>
        <translation>T&amp;hèmes :</translation>
    </message>
    <message>
        <source>Transfer &amp;mode:</source>
        <translation>&amp;Moyen de transfert :</translation>
    </message>
    <message>
        <source>coach, walk, metro...</source>
        <translation>car, à pied, métro...</translation>
    </message>
    <message>
        <source>Trans&amp;fer time:</source>
        <translation>Durée du trans&amp;fert :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Descri&amp;ption:</source>
        <translation>Descri&amp;ption :</translation>
    </message>
</context>
<context>
    <name>TopicEditor</name>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Internationalisation of cluster members</source>
        <translation>par ex. Internationalisation des membres du cluster</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Priority topic for the programme</source>
        <translation>Thème &amp;prioritaire du programme</translation>
    </message>
</context>
<context>
    <name>TourEditor</name>
    <message>
        <source>Tour</source>
        <translation>Voyage</translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation>Co&amp;de :</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itre :</translation>
    </message>
    <message>
        <source>e.g. Catalonia</source>
        <translation>par ex. Catalogne</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région :</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>&amp;Ville :</translation>
    </message>
    <message>
        <source>Cou&amp;ntry:</source>
        <translation>Pa&amp;ys :</translation>
    </message>
    <message>
        <source>&amp;Host agency:</source>
        <translation>Agence d&apos;&amp;accueil :</translation>
    </message>
    <message>
        <source>St&amp;art date:</source>
        <translation>Date de dé&amp;but :</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>Date de &amp;fin :</translation>
    </message>
    <message>
        <source>Ca&amp;pacity:</source>
        <translation>Ca&amp;pacité :</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Fuseau horaire :</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
</context>
</TS>
