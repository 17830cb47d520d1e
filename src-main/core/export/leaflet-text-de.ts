/** The patient leaflet in German (see leaflet-text.ts for the rules these words follow). */
import type { LeafletText } from './leaflet-text.js';

export const de: LeafletText = {
  locale: 'de-DE',
  colon: ': ',
  title: 'Ihr Gespräch über Ihren Rücken',
  forPatient: 'Für',
  talkedAbout: 'Worüber wir gesprochen haben',
  topics: {
    osteoporosis: 'Brüchige Knochen (Osteoporose)',
    fracture: 'Der gebrochene Wirbel in Ihrem Rücken',
    conservative: 'Behandlung ohne Eingriff',
    augmentation: 'Behandlung mit Knochenzement',
    risks: 'Mögliche Risiken der Behandlung mit Zement',
    aftercare: 'Was nach der Behandlung kommt',
    other: 'Weitere Themen',
  },
  noTopics: 'Wir haben über Ihren Rücken und die Möglichkeiten der Behandlung gesprochen.',
  choice: 'Ihre Entscheidung',
  choiceOpen: 'Die Entscheidung',
  conservative: 'Sie haben sich für eine Behandlung ohne Eingriff entschieden:',
  measures: {
    'pain-medication': 'Schmerzmittel',
    'calcium-vitamin-d': 'Kalzium und Vitamin D',
    'short-rest': 'Nur kurze Schonung (langes Liegen schwächt die Knochen)',
    brace: 'Ein Stützkorsett für den Rücken',
    physiotherapy: 'Übungen mit einer Physiotherapeutin oder einem Physiotherapeuten',
    'osteoporosis-medication': 'Ein Medikament, das Ihre Knochen stärkt',
    other: 'Weitere Schritte, die wir vereinbart haben',
  },
  kyphoplasty:
    'Sie haben sich entschieden, den gebrochenen Wirbel mit Knochenzement füllen zu lassen (Ballon-Kyphoplastie). Zuerst schafft ein kleiner Ballon Platz im Knochen, dann wird dieser Raum mit Zement gefüllt.',
  vertebroplasty:
    'Sie haben sich entschieden, Knochenzement über eine Nadel in den gebrochenen Wirbel spritzen zu lassen (Vertebroplastie).',
  cementOpen:
    'Wir haben über eine Behandlung mit Knochenzement gesprochen. Die Methode ist noch nicht gewählt – wir sprechen noch einmal darüber.',
  levels: (levels) => `Zu behandelnde Wirbel: ${levels} (so heißen sie auf Ihren Bildern).`,
  local: 'Nur die Stelle wird betäubt; Sie bleiben wach.',
  general: 'Sie schlafen während der Behandlung (Vollnarkose).',
  plannedDate: 'Geplanter Termin',
  referred: 'Wir überweisen Sie für den nächsten Schritt an eine andere Fachärztin oder einen anderen Facharzt.',
  undecided: 'Sie haben sich noch nicht entschieden. Lassen Sie sich Zeit – wir sprechen noch einmal darüber.',
  next: 'Wie es weitergeht',
  followUp: 'Ihr nächster Termin',
  noFollowUp: 'Den Termin für Ihren nächsten Besuch teilen wir Ihnen mit.',
  bringQuestions: 'Schreiben Sie Ihre Fragen auf und bringen Sie sie mit.',
  risksHeading: 'Die Risiken, über die wir gesprochen haben',
  risksLater: 'Wir besprechen die Risiken der Behandlung mit Ihnen, bevor etwas gemacht wird.',
  riskLeak:
    'Bei etwa 18 von 100 Menschen nach einer Ballon-Kyphoplastie und bei etwa 55 von 100 nach einer Vertebroplastie tritt etwas Zement aus dem Knochen aus und ist auf den Bildern zu sehen. Meist verursacht das keine Beschwerden.',
  riskCanal:
    'Selten gelangt Zement in den Kanal um Rückenmark und Nerven: bei etwa 8 von 1.000 Menschen, die in einer Klinik eine Vertebroplastie hatten; etwa 1 von 1.000 musste deshalb operiert werden. Sehr selten bleibt ein Schaden dauerhaft.',
  riskLungs:
    'Bei 2 bis 26 von 100 Menschen gelangt Zement in die Lunge (die Studien unterscheiden sich stark). Die meisten merken davon nichts.',
  riskAdjacent:
    'Neue Brüche anderer Wirbel sind bei schwachen Knochen häufig, egal welche Behandlung. Studien haben nicht gezeigt, dass der Zement mehr davon verursacht.',
  riskInfectionBleeding: 'Eine Infektion oder eine Blutung an der Einstichstelle. Das ist selten.',
  riskAnaesthesia: 'Eine Reaktion auf Betäubungs- oder Narkosemittel. Ernste Probleme sind selten.',
  riskDeath:
    'Todesfälle im Zusammenhang mit dieser Behandlung wurden berichtet, sind aber sehr selten; eine verlässliche Zahl gibt es nicht.',
  riskOther: (text) => `Außerdem: ${text}`,
  redFlagsNext:
    'Einiges, was Sie uns erzählt haben, muss erst weiter untersucht werden, bevor eine Behandlung gewählt werden kann. Wir sagen Ihnen, welche Untersuchungen und wann.',
  draft: 'ENTWURF',
  draftNote: 'Entwurf: Ihre Ärztin oder Ihr Arzt hat dieses Blatt noch nicht geprüft und unterschrieben.',
  noContact: 'Fragen Sie uns nach der Telefonnummer und schreiben Sie sie hier auf:',
  outOf100: (n) => `${n} von 100`,
  warning: 'Rufen Sie uns sofort an, wenn Sie Folgendes bemerken',
  warningSigns: [
    'Neue oder stärkere Rückenschmerzen',
    'Neue Schwäche oder Taubheit in den Beinen',
    'Veränderungen beim Wasserlassen oder beim Stuhlgang',
    'Fieber',
    'Atemnot oder Schmerzen in der Brust',
  ],
  emergency: 'Wenn es Ihnen ernst erscheint oder Sie uns nicht erreichen, rufen Sie den Notruf an.',
  contact: 'So erreichen Sie uns',
  doctor: 'Ihre Ärztin / Ihr Arzt',
  decksUsed: 'Die Informationen, die wir Ihnen gezeigt haben',
  deckEdition: (version, reviewed) =>
    `Version ${version ?? '(nicht angegeben)'}, Daten geprüft am ${reviewed ?? '(Datum nicht angegeben)'}`,
  translation: 'Übersetzung',
  seal: 'Prüfcode der Akte (für die Klinik)',
};
