<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>Repas</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>Réseautage</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>Programmes and encrypted copies (*.booster *.age);;All files (*)</source>
        <translation>Programmes et copies chiffrées (*.booster *.age);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Encrypted copies (*.age);;All files (*)</source>
        <translation>Copies chiffrées (*.age);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Managers</source>
        <translation>Managers</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Pointages</translation>
    </message>
    <message>
        <source> (damaged copy)</source>
        <translation> (copie endommagée)</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Restoring puts the chosen backup in place of {name}. The programme as it is now is backed up first (“before a restore”), so a restore can be undone by restoring that one.</source>
        <translation>La restauration met la sauvegarde choisie à la place de {name}. Le programme tel qu&apos;il est maintenant est d&apos;abord sauvegardé (« avant une restauration »), si bien qu&apos;une restauration s&apos;annule en restaurant celle-là.</translation>
    </message>
    <message>
        <source>No backups are kept of this programme yet: one is made when it is opened, before an upgrade and before every import, allocation, merge or tour deletion.</source>
        <translation>Aucune sauvegarde de ce programme n&apos;est encore conservée : une est faite à son ouverture, avant une mise à niveau et avant chaque import, répartition, fusion ou suppression de voyage.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>From a &amp;file…</source>
        <translation>Depuis un &amp;fichier…</translation>
    </message>
    <message>
        <source>the backup made {made_at} ({why_words})</source>
        <translation>la sauvegarde faite le {made_at} ({why_words})</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Restaurer depuis un fichier</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Encore :</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Tapez la phrase secrète.</translation>
    </message>
    <message>
        <source>At least {MINIMUM_PASSPHRASE} characters: the copy may be lost with it.</source>
        <translation>Au moins {MINIMUM_PASSPHRASE} caractères : la copie pourrait être perdue avec elle.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>{path} is on a server: its administrator restores it (pg_restore), or a backup is pushed into an empty database (booster push).</source>
        <translation>{path} est sur un serveur : son administrateur le restaure (pg_restore), ou une sauvegarde est envoyée dans une base vide (booster push).</translation>
    </message>
    <message>
        <source>Cannot list the backups</source>
        <translation>Impossible de lister les sauvegardes</translation>
    </message>
    <message>
        <source>{name} is an encrypted copy: its passphrase?</source>
        <translation>{name} est une copie chiffrée : sa phrase secrète ?</translation>
    </message>
    <message>
        <source>Restore {words} in place of {name}? The programme as it is now is backed up first.</source>
        <translation>Restaurer {words} à la place de {name} ? Le programme tel qu&apos;il est maintenant est d&apos;abord sauvegardé.</translation>
    </message>
    <message>
        <source>Restored {words}: {value}. The programme as it was is kept as a backup too.</source>
        <translation>{words} restaurée : {value}. Le programme tel qu&apos;il était est aussi conservé en sauvegarde.</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>La sauvegarde n&apos;a pas été restaurée</translation>
    </message>
    <message>
        <source>Save an encrypted copy</source>
        <translation>Enregistrer une copie chiffrée</translation>
    </message>
    <message>
        <source>{path} is on a server: pull it into a file first (booster pull), then save an encrypted copy of that file.</source>
        <translation>{path} est sur un serveur : rapatriez-le d&apos;abord dans un fichier (booster pull), puis enregistrez une copie chiffrée de ce fichier.</translation>
    </message>
    <message>
        <source>The copy can be opened only with this passphrase: keep it apart from the copy (not in the same e-mail, not on the same stick).</source>
        <translation>La copie ne s&apos;ouvre qu&apos;avec cette phrase secrète : gardez-la à part de la copie (pas dans le même courriel, pas sur la même clé).</translation>
    </message>
    <message>
        <source>Saved an encrypted copy as {target}</source>
        <translation>Copie chiffrée enregistrée sous {target}</translation>
    </message>
    <message>
        <source>The encrypted copy was not saved</source>
        <translation>La copie chiffrée n&apos;a pas été enregistrée</translation>
    </message>
    <message>
        <source>{name} is an encrypted copy of a programme: its passphrase?</source>
        <translation>{name} est une copie chiffrée d&apos;un programme : sa phrase secrète ?</translation>
    </message>
    <message>
        <source>Where to put the decrypted programme (on this computer)</source>
        <translation>Où placer le programme déchiffré (sur cet ordinateur)</translation>
    </message>
    <message>
        <source>The encrypted copy was not opened</source>
        <translation>La copie chiffrée n&apos;a pas été ouverte</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>manager</translation>
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
        <source>topic</source>
        <translation>thème</translation>
    </message>
    <message>
        <source>session</source>
        <translation>séance</translation>
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
        <source>1st</source>
        <translation>1er</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>2e</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>3e</translation>
    </message>
    <message>
        <source>4th or lower</source>
        <translation>4e ou au-delà</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>Souhaité par</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Topic demand</source>
        <translation>Demande par thème</translation>
    </message>
    <message>
        <source>Wanted, but no tour focuses on: </source>
        <translation>Souhaités, mais aucun voyage ne porte sur : </translation>
    </message>
    <message>
        <source>Managers who want each topic, by the rank they gave it</source>
        <translation>Managers qui souhaitent chaque thème, par rang donné</translation>
    </message>
    <message>
        <source>managers</source>
        <translation>managers</translation>
    </message>
    <message>
        <source>Focus of {code}</source>
        <translation>Thème de {code}</translation>
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
        <source>tour</source>
        <translation>voyage</translation>
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
        <source>Click a cell to see why; click it again to pin the tour to the manager, again to forbid it, again to set it free (Space does the same). Then Run.</source>
        <translation>Cliquez sur une case pour voir pourquoi ; cliquez à nouveau pour fixer le voyage au manager, encore pour l&apos;interdire, encore pour le libérer (la touche Espace fait de même). Puis Lancer.</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non attribué</translation>
    </message>
    <message>
        <source>Manager {manager}, tour {code}: rank {rank}, {state}</source>
        <translation>Manager {manager}, voyage {code} : rang {rank}, {state}</translation>
    </message>
    <message>
        <source>, {choice} by you</source>
        <translation>, {choice} par vous</translation>
    </message>
    <message>
        <source>Allocate managers to tours</source>
        <translation>Répartir les managers dans les voyages</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>sans plafond</translation>
    </message>
    <message>
        <source>Efficiency &lt;-&gt; fairness: 1 weighs every step down a manager&apos;s list alike; higher values make far-down tours much dearer, sparing the worst-off.</source>
        <translation>Efficacité &lt;-&gt; équité : 1 pèse chaque rang de la liste d&apos;un manager de la même façon ; des valeurs plus élevées rendent les voyages mal classés bien plus coûteux, et ménagent les moins bien lotis.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>A&amp;ppliquer…</translation>
    </message>
    <message>
        <source>Choose the settings and press Run.</source>
        <translation>Choisissez les réglages et appuyez sur Lancer.</translation>
    </message>
    <message>
        <source>&amp;Tours per manager:</source>
        <translation>&amp;Voyages par manager :</translation>
    </message>
    <message>
        <source>Most per &amp;country per tour:</source>
        <translation>Maximum par &amp;pays et par voyage :</translation>
    </message>
    <message>
        <source>&amp;Fairness (gamma):</source>
        <translation>&amp;Équité (gamma) :</translation>
    </message>
    <message>
        <source>What would giving this tour cost the others?</source>
        <translation>Que coûterait aux autres l&apos;attribution de ce voyage ?</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Pourquoi :</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Places prises</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Every place given</source>
        <translation>Toutes les places attribuées</translation>
    </message>
    <message>
        <source>Worst rank</source>
        <translation>Pire rang</translation>
    </message>
    <message>
        <source>Rank profile</source>
        <translation>Profil des rangs</translation>
    </message>
    <message>
        <source>&amp;Managers x tours</source>
        <translation>&amp;Managers x voyages</translation>
    </message>
    <message>
        <source>Per-tour &amp;fill</source>
        <translation>&amp;Remplissage par voyage</translation>
    </message>
    <message>
        <source>Compared with the &amp;obvious methods</source>
        <translation>Comparaison avec les méthodes &amp;simples</translation>
    </message>
    <message>
        <source>given</source>
        <translation>attribué</translation>
    </message>
    <message>
        <source>pinned by you</source>
        <translation>fixé par vous</translation>
    </message>
    <message>
        <source>forbidden by you</source>
        <translation>interdit par vous</translation>
    </message>
    <message>
        <source>The programme changed since: press Run to allocate again.</source>
        <translation>Le programme a changé depuis : appuyez sur Lancer pour répartir à nouveau.</translation>
    </message>
    <message>
        <source>Allocating…</source>
        <translation>Répartition en cours…</translation>
    </message>
    <message>
        <source>No allocation: {message}</source>
        <translation>Pas de répartition : {message}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no, {value} places not given</source>
        <translation>non, {value} places non attribuées</translation>
    </message>
    <message>
        <source>{n}x rank {r}</source>
        <translation>{n}x rang {r}</translation>
    </message>
    <message>
        <source>Pins and forbidden pairs changed: press Run to allocate again.</source>
        <translation>Les choix fixés et interdits ont changé : appuyez sur Lancer pour répartir à nouveau.</translation>
    </message>
    <message>
        <source>{code} is already given to manager {manager}.</source>
        <translation>{code} est déjà attribué au manager {manager}.</translation>
    </message>
    <message>
        <source>Working out what giving {code} to manager {manager} costs…</source>
        <translation>Calcul du coût de l&apos;attribution de {code} au manager {manager}…</translation>
    </message>
    <message>
        <source>Could not work it out: {message}</source>
        <translation>Calcul impossible : {message}</translation>
    </message>
    <message>
        <source>Giving {code} to manager {manager} leaves places not given.</source>
        <translation>Attribuer {code} au manager {manager} laisse des places non attribuées.</translation>
    </message>
    <message>
        <source>To give manager {manager} {code}: {rank_loss} +{extra:g}; {others}</source>
        <translation>Pour donner {code} au manager {manager} : {rank_loss} +{extra:g} ; {others}</translation>
    </message>
    <message>
        <source>Some managers are short of their tours in this allocation. </source>
        <translation>Dans cette répartition, certains managers n&apos;ont pas tous leurs voyages. </translation>
    </message>
    <message>
        <source>Store it anyway as proposed enrolments?</source>
        <translation>L&apos;enregistrer tout de même en inscriptions proposées ?</translation>
    </message>
    <message>
        <source>Store this allocation as proposed enrolments? Confirmed and cancelled </source>
        <translation>Enregistrer cette répartition en inscriptions proposées ? Les inscriptions confirmées et annulées </translation>
    </message>
    <message>
        <source>enrolments stay as they are; a backup is made first.</source>
        <translation>restent telles quelles ; une sauvegarde est faite d&apos;abord.</translation>
    </message>
    <message>
        <source>Apply the allocation</source>
        <translation>Appliquer la répartition</translation>
    </message>
    <message>
        <source>Storing the allocation…</source>
        <translation>Enregistrement de la répartition…</translation>
    </message>
    <message>
        <source>Stored as proposed enrolments (Edit &gt; Undo takes it back); the file as it was is at {backup}.</source>
        <translation>Enregistré en inscriptions proposées (Édition &gt; Annuler revient en arrière) ; le fichier tel qu&apos;il était se trouve dans {backup}.</translation>
    </message>
    <message>
        <source>Not stored: {message}</source>
        <translation>Non enregistrée : {message}</translation>
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
        <source>Print &amp;badges…</source>
        <translation>Imprimer les &amp;badges…</translation>
    </message>
    <message>
        <source>&amp;Allocate managers to tours…</source>
        <translation>&amp;Répartir les managers dans les voyages…</translation>
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
        <translation>Pré&amp;sences sur papier…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <source>Tour agendas</source>
        <translation>Agendas des voyages</translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation>&amp;Ajouter un élément…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>Exporter le &amp;calendrier…</translation>
    </message>
    <message>
        <source>Pre&amp;view and print…</source>
        <translation>&amp;Aperçu et impression…</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Vérifications :</translation>
    </message>
    <message>
        <source>&amp;Delete item</source>
        <translation>&amp;Supprimer l&apos;élément</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete &apos;{title}&apos;? You can undo it.</source>
        <translation>Supprimer &apos;{title}&apos; ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <source>Export the agenda</source>
        <translation>Exporter l&apos;agenda</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>The agenda was not exported</source>
        <translation>L&apos;agenda n&apos;a pas été exporté</translation>
    </message>
    <message>
        <source>Agenda exported</source>
        <translation>Agenda exporté</translation>
    </message>
    <message>
        <source>Written to {target}{notes}</source>
        <translation>Écrit dans {target}{notes}</translation>
    </message>
    <message>
        <source>The agenda cannot be shown</source>
        <translation>L&apos;agenda ne peut pas être affiché</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
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
        <translation>Poi&amp;ntage</translation>
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
        <source>Booster programmes and encrypted copies (*.booster *.age);;Booster programmes (*.booster);;All files (*)</source>
        <translation>Programmes Booster et copies chiffrées (*.booster *.age);;Programmes Booster (*.booster);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Managers</source>
        <translation>&amp;Managers</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>&amp;Thèmes</translation>
    </message>
    <message>
        <source>T&amp;ours</source>
        <translation>&amp;Voyages</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>V&amp;isites</translation>
    </message>
    <message>
        <source>Connect to a &amp;shared programme…</source>
        <translation>Se connecter à un programme &amp;partagé…</translation>
    </message>
    <message>
        <source>Tour a&amp;gendas…</source>
        <translation>&amp;Agendas des voyages…</translation>
    </message>
    <message>
        <source>&amp;Topic demand…</source>
        <translation>Demande par &amp;thème…</translation>
    </message>
    <message>
        <source>Save a copy &amp;as…</source>
        <translation>Enregistrer une copie so&amp;us…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <source>Save an &amp;encrypted copy…</source>
        <translation>Enregistrer une copie &amp;chiffrée…</translation>
    </message>
    <message>
        <source>&amp;History of changes…</source>
        <translation>&amp;Historique des modifications…</translation>
    </message>
    <message>
        <source>&amp;History of this record…</source>
        <translation>&amp;Historique de cet enregistrement…</translation>
    </message>
    <message>
        <source>Also here: {people}</source>
        <translation>Aussi connectés : {people}</translation>
    </message>
    <message>
        <source>Others who have this programme open; their changes appear here as they save them</source>
        <translation>Les autres personnes qui ont ce programme ouvert ; leurs modifications apparaissent ici dès qu&apos;elles les enregistrent</translation>
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
        <source>Server unreachable: check-in only, from this laptop&apos;s roster copy</source>
        <translation>Serveur injoignable : pointage seulement, depuis la copie de la liste de cet ordinateur</translation>
    </message>
    <message>
        <source>The server answers again: check-in is online</source>
        <translation>Le serveur répond à nouveau : le pointage est en ligne</translation>
    </message>
    <message>
        <source>Check-in only: leave it for the whole programme</source>
        <translation>Pointage seulement : quittez-le pour le programme entier</translation>
    </message>
    <message>
        <source>Check-in — {name} — Booster Desktop</source>
        <translation>Pointage — {name} — Booster Desktop</translation>
    </message>
    <message>
        <source>Door staff: check-in only</source>
        <translation>Accueil : pointage seulement</translation>
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
        <source>Restore it from one of its kept backups?</source>
        <translation>Le restaurer à partir de l&apos;une de ses sauvegardes conservées ?</translation>
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
        <source>on {host}</source>
        <translation>sur {host}</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>sur cet ordinateur</translation>
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
    <message>
        <source>About Booster Desktop</source>
        <translation>À propos de Booster Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Booster Desktop {version}&lt;/h3&gt;&lt;p&gt;Organise inspiration and learning tours for cluster managers: programme, allocation, agendas, badges and check-in, offline.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Booster Desktop {version}&lt;/h3&gt;&lt;p&gt;Organisez des voyages d&apos;inspiration et d&apos;apprentissage pour managers de clusters : programme, répartition, agendas, badges et pointage, hors ligne.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>Licences des composants tiers</translation>
    </message>
    <message>
        <source> Details are in {log_file}.</source>
        <translation> Les détails sont dans {log_file}.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}.{where}
Every change the window showed as made is saved; check the last one.</source>
        <translation>Un problème est survenu : {error}.{where}
Chaque modification affichée comme faite est enregistrée ; vérifiez la dernière.</translation>
    </message>
    <message>
        <source>{name} at {session}</source>
        <translation>{name} à {session}</translation>
    </message>
    <message>
        <source>Attendance from paper sign-in sheets</source>
        <translation>Présences d&apos;après les feuilles d&apos;émargement papier</translation>
    </message>
    <message>
        <source>Tour:</source>
        <translation>Voyage :</translation>
    </message>
    <message>
        <source>Tick who signed each session&apos;s sheet (rows numbered as the sheets are).</source>
        <translation>Cochez qui a signé la feuille de chaque séance (lignes numérotées comme sur les feuilles).</translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation>Imprimer les badges</translation>
    </message>
    <message>
        <source>Everyone (each manager&apos;s tours)</source>
        <translation>Tout le monde (les voyages de chaque manager)</translation>
    </message>
    <message>
        <source>&amp;Confirmed managers only</source>
        <translation>Managers &amp;confirmés seulement</translation>
    </message>
    <message>
        <source>&amp;Not yet printed only</source>
        <translation>Pas encore &amp;imprimés seulement</translation>
    </message>
    <message>
        <source>Also &amp;experts and host contacts</source>
        <translation>Aussi les &amp;experts et les contacts sur place</translation>
    </message>
    <message>
        <source>Print the &amp;backs (two-sided, flip on long edge)</source>
        <translation>Imprimer les &amp;versos (recto verso, bord long)</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>Printer correction:</source>
        <translation>Correction de l&apos;imprimante :</translation>
    </message>
    <message>
        <source>Calibration &amp;page…</source>
        <translation>&amp;Page d&apos;étalonnage…</translation>
    </message>
    <message>
        <source>&amp;Revoke and reissue…</source>
        <translation>&amp;Révoquer et réémettre…</translation>
    </message>
    <message>
        <source>A lost badge: the selected manager&apos;s old code stops working and a new one is issued</source>
        <translation>Un badge perdu : l&apos;ancien code du manager sélectionné cesse de fonctionner et un nouveau est émis</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Enregistrer le PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Who (untick to leave out):</source>
        <translation>Qui (décochez pour écarter) :</translation>
    </message>
    <message>
        <source>nobody is ticked: tick the managers to print</source>
        <translation>personne n&apos;est coché : cochez les managers à imprimer</translation>
    </message>
    <message>
        <source>{text} — printed {at}</source>
        <translation>{text} — imprimé le {at}</translation>
    </message>
    <message>
        <source>{who} already printed on {at}, print again?</source>
        <translation>{who} déjà imprimé le {at}, imprimer à nouveau ?</translation>
    </message>
    <message>
        <source>{count} badges</source>
        <translation>{count} badges</translation>
    </message>
    <message>
        <source> ({staff} staff)</source>
        <translation> ({staff} intervenants et contacts)</translation>
    </message>
    <message>
        <source>, {count} printed before</source>
        <translation>, {count} déjà imprimés</translation>
    </message>
    <message>
        <source>{what}… %v of %m</source>
        <translation>{what}… %v sur %m</translation>
    </message>
    <message>
        <source>Badges not made</source>
        <translation>Badges non créés</translation>
    </message>
    <message>
        <source>Nothing to print</source>
        <translation>Rien à imprimer</translation>
    </message>
    <message>
        <source> and {others} others</source>
        <translation> et {others} autres</translation>
    </message>
    <message>
        <source>Printed before</source>
        <translation>Déjà imprimés</translation>
    </message>
    <message>
        <source>{badges} badges on {pages} pages</source>
        <translation>{badges} badges sur {pages} pages</translation>
    </message>
    <message>
        <source>Save badges</source>
        <translation>Enregistrer les badges</translation>
    </message>
    <message>
        <source>Saved {name}: {badges} badges on {pages} pages</source>
        <translation>{name} enregistré : {badges} badges sur {pages} pages</translation>
    </message>
    <message>
        <source>Print log not kept</source>
        <translation>Journal d&apos;impression non tenu</translation>
    </message>
    <message>
        <source>No calibration page</source>
        <translation>Pas de page d&apos;étalonnage</translation>
    </message>
    <message>
        <source>Calibration page: print it at 100 %, hold it over a label sheet against the light, and type what you measure into the printer correction.</source>
        <translation>Page d&apos;étalonnage : imprimez-la à 100 %, superposez-la à une planche d&apos;étiquettes face à la lumière, et saisissez vos mesures dans la correction de l&apos;imprimante.</translation>
    </message>
    <message>
        <source>Revoke and reissue</source>
        <translation>Révoquer et réémettre</translation>
    </message>
    <message>
        <source>Select a manager in the list first.</source>
        <translation>Sélectionnez d&apos;abord un manager dans la liste.</translation>
    </message>
    <message>
        <source>Revoke the badge of {index}? Their old badge will be refused at check-in and a new code issued; print their new badge next.</source>
        <translation>Révoquer le badge de {index} ? L&apos;ancien badge sera refusé au pointage et un nouveau code émis ; imprimez ensuite le nouveau badge.</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Impossible d&apos;imprimer</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>L&apos;imprimante n&apos;a pas pu être lancée.</translation>
    </message>
    <message>
        <source>Check-in journals (*.jsonl);;All files (*)</source>
        <translation>Journaux de pointage (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>The other laptop</source>
        <translation>L&apos;autre ordinateur</translation>
    </message>
    <message>
        <source>Merged from another laptop</source>
        <translation>Fusionné depuis un autre ordinateur</translation>
    </message>
    <message>
        <source>Checked in on both laptops at the same session: each counts once, at the earlier time. Undo at the door voids a check-in made by mistake.</source>
        <translation>Pointés sur les deux ordinateurs à la même séance : chacun compte une fois, à l&apos;heure la plus tôt. Annuler à l&apos;accueil invalide un pointage fait par erreur.</translation>
    </message>
    <message>
        <source>Nobody was checked in on both laptops.</source>
        <translation>Personne n&apos;a été pointé sur les deux ordinateurs.</translation>
    </message>
    <message>
        <source>Export check-ins for another laptop</source>
        <translation>Exporter les pointages pour un autre ordinateur</translation>
    </message>
    <message>
        <source>The check-ins were not exported</source>
        <translation>Les pointages n&apos;ont pas été exportés</translation>
    </message>
    <message>
        <source>Check-ins exported</source>
        <translation>Pointages exportés</translation>
    </message>
    <message>
        <source>Wrote {count} check-ins to {name}; merge it on the other laptop.</source>
        <translation>{count} pointages écrits dans {name} ; fusionnez-le sur l&apos;autre ordinateur.</translation>
    </message>
    <message>
        <source>Merge check-ins from another laptop</source>
        <translation>Fusionner les pointages d&apos;un autre ordinateur</translation>
    </message>
    <message>
        <source>Nothing was merged</source>
        <translation>Rien n&apos;a été fusionné</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Already checked in at {first_local}</source>
        <translation>Déjà pointé à {first_local}</translation>
    </message>
    <message>
        <source>Admitted, not registered</source>
        <translation>Admis, non inscrit</translation>
    </message>
    <message>
        <source>Not registered for this tour</source>
        <translation>Non inscrit à ce voyage</translation>
    </message>
    <message>
        <source>Unknown badge</source>
        <translation>Badge inconnu</translation>
    </message>
    <message>
        <source>Revoked badge</source>
        <translation>Badge révoqué</translation>
    </message>
    <message>
        <source>Misread, scan again</source>
        <translation>Lecture erronée, scannez à nouveau</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Pointage</translation>
    </message>
    <message>
        <source>Who is &amp;missing (F2)</source>
        <translation>Qui &amp;manque (F2)</translation>
    </message>
    <message>
        <source>&amp;Undo last (Ctrl+Z)</source>
        <translation>&amp;Annuler le dernier (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Full screen (F11)</source>
        <translation>&amp;Plein écran (F11)</translation>
    </message>
    <message>
        <source>&amp;Leave check-in</source>
        <translation>&amp;Quitter le pointage</translation>
    </message>
    <message>
        <source>Scan a badge</source>
        <translation>Scannez un badge</translation>
    </message>
    <message>
        <source>&amp;Admit anyway (Ctrl+Enter)</source>
        <translation>A&amp;dmettre quand même (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Scan a badge, or type a few letters of a name</source>
        <translation>Scannez un badge, ou tapez quelques lettres d&apos;un nom</translation>
    </message>
    <message>
        <source>Still checking in to this session: another could not be opened ({problem})</source>
        <translation>Le pointage continue sur cette séance : une autre n’a pas pu être ouverte ({problem})</translation>
    </message>
    <message>
        <source>This programme has no sessions to check in to.</source>
        <translation>Ce programme n&apos;a aucune séance où pointer.</translation>
    </message>
    <message>
        <source>This session is on {day}, not today ({today}) in {time_zone}.</source>
        <translation>Cette séance a lieu le {day}, pas aujourd&apos;hui ({today}) à {time_zone}.</translation>
    </message>
    <message>
        <source>Offline check-in unavailable: {problem}</source>
        <translation>Pointage hors ligne impossible : {problem}</translation>
    </message>
    <message>
        <source>All offline scans are on the server.</source>
        <translation>Tous les pointages hors ligne sont sur le serveur.</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>no longer checked in</source>
        <translation>n&apos;est plus pointé</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Missing: {count}</source>
        <translation>Absents : {count}</translation>
    </message>
    <message>
        <source>Leave check-in</source>
        <translation>Quitter le pointage</translation>
    </message>
    <message>
        <source>Close the programme and leave the check-in screen?</source>
        <translation>Fermer le programme et quitter l&apos;écran de pointage ?</translation>
    </message>
    <message>
        <source>Leave the check-in screen for the main window?</source>
        <translation>Quitter l&apos;écran de pointage pour la fenêtre principale ?</translation>
    </message>
    <message>
        <source>Add {singular}</source>
        <translation>Ajouter : {singular}</translation>
    </message>
    <message>
        <source>Edit {singular}</source>
        <translation>Modifier : {singular}</translation>
    </message>
    <message>
        <source>Delete {noun}</source>
        <translation>Supprimer : {noun}</translation>
    </message>
    <message>
        <source>Import {count} managers</source>
        <translation>Importer {count} managers</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Withdrawn (kept, not allocated)</source>
        <translation>Retiré (conservé, non réparti)</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>Exporter les données…</translation>
    </message>
    <message>
        <source>Export this person&apos;s data: everything the file holds about them</source>
        <translation>Exporter les données de cette personne : tout ce que le fichier contient sur elle</translation>
    </message>
    <message>
        <source>Erase person…</source>
        <translation>Effacer la personne…</translation>
    </message>
    <message>
        <source>Erase this person&apos;s data from the programme and its backups</source>
        <translation>Effacer les données de cette personne du programme et de ses sauvegardes</translation>
    </message>
    <message>
        <source>Booster Desktop user guide</source>
        <translation>Guide d&apos;utilisation de Booster Desktop</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.xls *.ods);;All files (*)</source>
        <translation>Tableurs (*.xlsx *.csv *.xls *.ods);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cluster / organisation</source>
        <translation>Cluster / organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Topics, most wanted first</source>
        <translation>Thèmes, les plus souhaités d&apos;abord</translation>
    </message>
    <message>
        <source>Diets (common ones ticked, the rest kept as written)</source>
        <translation>Régimes (les courants cochés, les autres gardés tels quels)</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(ignorer cette colonne)</translation>
    </message>
    <message>
        <source>UTF-16 (Excel&apos;s Unicode Text)</source>
        <translation>UTF-16 (Texte Unicode d&apos;Excel)</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (Europe occidentale)</translation>
    </message>
    <message>
        <source>Windows-1256 (Arabic)</source>
        <translation>Windows-1256 (arabe)</translation>
    </message>
    <message>
        <source>Import managers</source>
        <translation>Importer des managers</translation>
    </message>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>Choisir le tableur</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file, in English or French; title rows and blank lines above the header are fine. Old .xls and LibreOffice .ods files are read too.</source>
        <translation>Un classeur Excel (.xlsx) ou un fichier CSV, en anglais ou en français ; les lignes de titre et les lignes vides au-dessus de l&apos;en-tête ne posent pas de problème. Les anciens .xls et les .ods de LibreOffice sont lus aussi.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>How the CSV file&apos;s letters are encoded; the guess is shown first. Check the preview: names must read as they were typed.</source>
        <translation>L&apos;encodage des lettres du fichier CSV ; l&apos;hypothèse est affichée en premier. Vérifiez l&apos;aperçu : les noms doivent se lire comme ils ont été saisis.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Feuille :</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encodage :</translation>
    </message>
    <message>
        <source>The first sheet with a header row</source>
        <translation>La première feuille avec une ligne d&apos;en-tête</translation>
    </message>
    <message>
        <source>As guessed: {value}</source>
        <translation>Selon l&apos;hypothèse : {value}</translation>
    </message>
    <message>
        <source>Check how each column is read</source>
        <translation>Vérifiez comment chaque colonne est lue</translation>
    </message>
    <message>
        <source>Column in the sheet</source>
        <translation>Colonne de la feuille</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lue comme</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Topics (rank)</source>
        <translation>Thèmes (rang)</translation>
    </message>
    <message>
        <source>The first rows, as they will be read:</source>
        <translation>Les premières lignes, telles qu&apos;elles seront lues :</translation>
    </message>
    <message>
        <source>The header is row {header_row}</source>
        <translation>L&apos;en-tête est la ligne {header_row}</translation>
    </message>
    <message>
        <source> of sheet {name!r}</source>
        <translation> de la feuille {name!r}</translation>
    </message>
    <message>
        <source>, read as {value}</source>
        <translation>, lue en {value}</translation>
    </message>
    <message>
        <source>. Topic columns hold ranks (1 = most wanted); change what a column is read as if it was not recognised.</source>
        <translation>. Les colonnes de thèmes contiennent des rangs (1 = le plus souhaité) ; changez la lecture d&apos;une colonne si elle n&apos;a pas été reconnue.</translation>
    </message>
    <message>
        <source>Ranks of the topic “{heading}”</source>
        <translation>Rangs du thème « {heading} »</translation>
    </message>
    <message>
        <source>Ranks of the topic “{value}”</source>
        <translation>Rangs du thème « {value} »</translation>
    </message>
    <message>
        <source>Choose the columns for: </source>
        <translation>Choisissez les colonnes pour : </translation>
    </message>
    <message>
        <source>{what}… %p%</source>
        <translation>{what}… %p %</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Vérifiez les lignes</translation>
    </message>
    <message>
        <source>&amp;Skip the rows with problems and import the others</source>
        <translation>&amp;Écarter les lignes avec des problèmes et importer les autres</translation>
    </message>
    <message>
        <source>Also import the &amp;hidden and filtered-out rows</source>
        <translation>Importer aussi les lignes &amp;masquées et filtrées</translation>
    </message>
    <message>
        <source>&amp;Use names written in Arabic script as the name in Arabic</source>
        <translation>&amp;Utiliser les noms écrits en caractères arabes comme nom en arabe</translation>
    </message>
    <message>
        <source>Reading every row…</source>
        <translation>Lecture de toutes les lignes…</translation>
    </message>
    <message>
        <source> New topics: </source>
        <translation> Nouveaux thèmes : </translation>
    </message>
    <message>
        <source> Ignored columns: </source>
        <translation> Colonnes ignorées : </translation>
    </message>
    <message>
        <source>imported too.</source>
        <translation>importées aussi.</translation>
    </message>
    <message>
        <source>left out.</source>
        <translation>écartées.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Remarque : {note}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>&amp;Stop the import</source>
        <translation>&amp;Arrêter l&apos;import</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Nothing was imported: {message}</source>
        <translation>Rien n&apos;a été importé : {message}</translation>
    </message>
    <message>
        <source>Preview · {name}</source>
        <translation>Aperçu · {name}</translation>
    </message>
    <message>
        <source>Choose the programme&apos;s logo</source>
        <translation>Choisir le logo du programme</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <source>Edit the programme&apos;s details</source>
        <translation>Modifier les détails du programme</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>This &amp;laptop</source>
        <translation>Cet &amp;ordinateur</translation>
    </message>
    <message>
        <source>This &amp;programme</source>
        <translation>Ce &amp;programme</translation>
    </message>
    <message>
        <source>Kept on this laptop for every programme, in {declared}.</source>
        <translation>Conservés sur cet ordinateur pour tous les programmes, dans {declared}.</translation>
    </message>
    <message>
        <source>Open a programme (not read-only) to change its settings.</source>
        <translation>Ouvrez un programme (pas en lecture seule) pour changer ses réglages.</translation>
    </message>
    <message>
        <source>Kept in the programme file, on every copy: {name}.</source>
        <translation>Conservés dans le fichier du programme, sur chaque copie : {name}.</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label} :</translation>
    </message>
    <message>
        <source>Put the defaults back on the page shown (saved when you press Save)</source>
        <translation>Remettre les valeurs par défaut sur la page affichée (enregistrées quand vous appuyez sur Enregistrer)</translation>
    </message>
    <message>
        <source>The laptop&apos;s settings were not read</source>
        <translation>Les réglages de l&apos;ordinateur n&apos;ont pas été lus</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>Les réglages n&apos;ont pas été enregistrés</translation>
    </message>
    <message>
        <source>Why this score: a topic a manager ranked 1st counts 1, 2nd counts 1/2, 3rd 1/3, and so on; a topic&apos;s score adds these up over all managers. A tour&apos;s score for a manager is the same sum over the tour&apos;s focus topics, and managers are allocated to the tours that score highest for them.</source>
        <translation>Pourquoi ce score : un thème classé 1er par un manager compte 1, 2e compte 1/2, 3e 1/3, et ainsi de suite ; le score d&apos;un thème additionne ces valeurs pour tous les managers. Le score d&apos;un voyage pour un manager est la même somme sur les thèmes du voyage, et les managers sont répartis dans les voyages qui obtiennent pour eux le meilleur score.</translation>
    </message>
    <message>
        <source>The whole programme (every tour)</source>
        <translation>Tout le programme (chaque voyage)</translation>
    </message>
    <message>
        <source>Include passport numbers and expiry dates, dates of birth and nationalities?

They go on a sheet of their own (Sensitive). Share such a workbook only with whoever books travel or visas, and delete it when done.</source>
        <translation>Inclure les numéros et dates d&apos;expiration des passeports, les dates de naissance et les nationalités ?

Ils vont sur une feuille à part (Données sensibles). Ne partagez un tel classeur qu&apos;avec la personne qui réserve les voyages ou les visas, et supprimez-le ensuite.</translation>
    </message>
    <message>
        <source>Below the attendance minimum</source>
        <translation>Sous le minimum de présence</translation>
    </message>
    <message>
        <source>{count} managers attended less than {minimum}% of the tour&apos;s training sessions and visits, and get no certificate. Tick any who should get one anyway.</source>
        <translation>{count} managers ont suivi moins de {minimum} % des séances de formation et visites du voyage, et n&apos;obtiennent pas d&apos;attestation. Cochez ceux qui doivent en obtenir une quand même.</translation>
    </message>
    <message>
        <source>{name} (ID {manager_id}): {attended} of {total} sessions, {percentage}%</source>
        <translation>{name} (ID {manager_id}) : {attended} séances sur {total}, {percentage} %</translation>
    </message>
    <message>
        <source>Export &amp;roster…</source>
        <translation>Exporter la &amp;liste des participants…</translation>
    </message>
    <message>
        <source>&amp;Sign-in sheets…</source>
        <translation>Feuilles d&apos;&amp;émargement…</translation>
    </message>
    <message>
        <source>&amp;Certificates…</source>
        <translation>&amp;Attestations…</translation>
    </message>
    <message>
        <source>The programme has no tours yet.</source>
        <translation>Le programme n&apos;a pas encore de voyage.</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>Exporter la liste des participants</translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>Données sensibles</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Liste des participants</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;Participant list as CSV (*.csv)</source>
        <translation>Classeur Excel (*.xlsx);;Liste des participants en CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing the roster…</source>
        <translation>Écriture de la liste des participants…</translation>
    </message>
    <message>
        <source>Roster written to {target} ({count} managers)</source>
        <translation>Liste des participants écrite dans {target} ({count} managers)</translation>
    </message>
    <message>
        <source>Sign-in sheets</source>
        <translation>Feuilles d&apos;émargement</translation>
    </message>
    <message>
        <source>Laying out the sign-in sheets…</source>
        <translation>Mise en page des feuilles d&apos;émargement…</translation>
    </message>
    <message>
        <source>Sign-in sheets written to {target} ({count} sessions)</source>
        <translation>Feuilles d&apos;émargement écrites dans {target} ({count} séances)</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Making the certificates…</source>
        <translation>Création des attestations…</translation>
    </message>
    <message>
        <source>{count} certificates written to {target}</source>
        <translation>{count} attestations écrites dans {target}</translation>
    </message>
    <message>
        <source>Nothing was written</source>
        <translation>Rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>{shown} of {counted}</source>
        <translation>{shown} sur {counted}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Les vôtres</translation>
    </message>
    <message>
        <source>Theirs now</source>
        <translation>Les leurs maintenant</translation>
    </message>
    <message>
        <source>Both of you changed this field: choose one</source>
        <translation>Vous avez tous deux modifié ce champ : choisissez</translation>
    </message>
    <message>
        <source>Only you changed it</source>
        <translation>Vous seul l&apos;avez modifié</translation>
    </message>
    <message>
        <source>Only they changed it</source>
        <translation>Seul l&apos;autre l&apos;a modifié</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>{who} changed this {singular} at {when} while you were editing it: your change was not saved. Choose, field by field, what to keep (* both of you changed it).</source>
        <translation>{who} a modifié ce {singular} le {when} pendant que vous le modifiiez : votre modification n&apos;a pas été enregistrée. Choisissez, champ par champ, ce qu&apos;il faut garder (* modifié par vous deux).</translation>
    </message>
    <message>
        <source>Save my choice</source>
        <translation>Enregistrer mon choix</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Ancienne valeur</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>allocation</source>
        <translation>répartition</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>fusion</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>erase</source>
        <translation>effacement</translation>
    </message>
    <message>
        <source>History of {value}</source>
        <translation>Historique de {value}</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>Find in the history: a name, a field, a value…</source>
        <translation>Rechercher dans l&apos;historique : un nom, un champ, une valeur…</translation>
    </message>
    <message>
        <source>&amp;Since</source>
        <translation>&amp;Depuis</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Table :</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action :</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Lecture de l&apos;historique…</translation>
    </message>
    <message>
        <source>Every table</source>
        <translation>Toutes les tables</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Rien n&apos;a encore changé.</translation>
    </message>
    <message>
        <source>{total} changes</source>
        <translation>{total} modifications</translation>
    </message>
    <message>
        <source>{shown} of {total} changes</source>
        <translation>{shown} sur {total} modifications</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>Effacer cette personne</translation>
    </message>
    <message>
        <source>&lt;b&gt;Erase {label}?&lt;/b&gt;&lt;br&gt;&lt;br&gt;Their names, e-mail, phone, organisation, needs, notes and travel document are erased from this programme, its history and its kept backups. An anonymous record stays (country, status, topics, enrolments, check-ins), so counts stay right.&lt;br&gt;&lt;b&gt;This cannot be undone.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Effacer {label} ?&lt;/b&gt;&lt;br&gt;&lt;br&gt;Ses noms, courriel, téléphone, organisation, besoins, notes et document de voyage sont effacés de ce programme, de son historique et de ses sauvegardes. Une fiche anonyme reste (pays, état, thèmes, inscriptions, pointages), pour que les décomptes restent justes.&lt;br&gt;&lt;b&gt;C&apos;est irréversible.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Kept backups that hold this person:</source>
        <translation>Sauvegardes qui contiennent cette personne :</translation>
    </message>
    <message>
        <source>Erase the person in them too (the backups stay)</source>
        <translation>Y effacer aussi la personne (les sauvegardes restent)</translation>
    </message>
    <message>
        <source>Delete those backups</source>
        <translation>Supprimer ces sauvegardes</translation>
    </message>
    <message>
        <source>To confirm, type the person&apos;s name: &lt;b&gt;{expected}&lt;/b&gt;</source>
        <translation>Pour confirmer, tapez le nom de la personne : &lt;b&gt;{expected}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Erase for good</source>
        <translation>&amp;Effacer définitivement</translation>
    </message>
    <message>
        <source>Erase travel data now</source>
        <translation>Effacer les données de voyage maintenant</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source> and {value} more</source>
        <translation> et {value} de plus</translation>
    </message>
    <message>
        <source>E&amp;xport this person&apos;s data…</source>
        <translation>E&amp;xporter les données de cette personne…</translation>
    </message>
    <message>
        <source>Erase this &amp;person…</source>
        <translation>E&amp;ffacer cette personne…</translation>
    </message>
    <message>
        <source>Export this person&apos;s data</source>
        <translation>Exporter les données de cette personne</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot export the person&apos;s data</source>
        <translation>Impossible d&apos;exporter les données de la personne</translation>
    </message>
    <message>
        <source>Manager {manager_id} is already erased.</source>
        <translation>Le manager {manager_id} est déjà effacé.</translation>
    </message>
    <message>
        <source>Erase {label} from this programme and its backups, for good?

Use this when the person asks for their data to be erased. It cannot be undone.</source>
        <translation>Effacer définitivement {label} de ce programme et de ses sauvegardes ?

À utiliser quand la personne demande l&apos;effacement de ses données. C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>The person was not erased</source>
        <translation>La personne n&apos;a pas été effacée</translation>
    </message>
    <message>
        <source>Erased the travel data of {count} managers</source>
        <translation>Données de voyage de {count} managers effacées</translation>
    </message>
    <message>
        <source>The travel data was not erased</source>
        <translation>Les données de voyage n&apos;ont pas été effacées</translation>
    </message>
    <message>
        <source>Connect to a shared programme</source>
        <translation>Se connecter à un programme partagé</translation>
    </message>
    <message>
        <source>Automatic (required beyond this computer)</source>
        <translation>Automatique (exigé au-delà de cet ordinateur)</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>Garder le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>No system keyring here: the password will be asked each time, unless…</source>
        <translation>Pas de trousseau système ici : le mot de passe sera demandé à chaque fois, sauf si…</translation>
    </message>
    <message>
        <source>Read it from a password file (.pgpass format):</source>
        <translation>Le lire dans un fichier de mots de passe (format .pgpass) :</translation>
    </message>
    <message>
        <source>host:port:database:user:password a line</source>
        <translation>hôte:port:base:utilisateur:mot de passe par ligne</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Tester la &amp;connexion</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS :</translation>
    </message>
    <message>
        <source>Password file</source>
        <translation>Fichier de mots de passe</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>--tab: {tab} is not one of {names}</source>
        <translation>--tab : {tab} n&apos;est pas l&apos;un de {names}</translation>
    </message>
    <message>
        <source>{programme}: the {tab} tab could not be shown ({error})</source>
        <translation>{programme} : l&apos;onglet {tab} n&apos;a pas pu être affiché ({error})</translation>
    </message>
    <message>
        <source>{path}: cannot be written</source>
        <translation>{path} : impossible d&apos;écrire ce fichier</translation>
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
