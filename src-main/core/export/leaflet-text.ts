/**
 * The patient leaflet's words in English, French and German: plain words, no
 * clinical jargon. Every figure comes from shared/medical-facts.md (risks of
 * augmentation) and is given as a natural frequency ("18 out of 100").
 */
import type { DeckSummary, Language } from '../../../src-shared/contract/index.js';
import type { conservativeMeasures } from '../../../src-shared/contract/index.js';

type Measure = (typeof conservativeMeasures)[number];

export interface LeafletText {
  locale: string;
  /** Between a label and its value: French puts a no-break space before the colon. */
  colon: string;
  title: string;
  forPatient: string;
  talkedAbout: string;
  topics: Record<DeckSummary['topic'], string>;
  noTopics: string;
  choice: string;
  conservative: string;
  measures: Record<Measure, string>;
  kyphoplasty: string;
  vertebroplasty: string;
  cementUnknown: string;
  levels: (levels: string) => string;
  local: string;
  general: string;
  plannedDate: string;
  referred: string;
  undecided: string;
  next: string;
  followUp: string;
  noFollowUp: string;
  bringQuestions: string;
  risksChosen: string;
  risksDiscussed: string;
  /** Cement leak seen on scans: about 18 in 100 (kyphoplasty), 55 in 100 (vertebroplasty); Zhan 2017. */
  riskLeak: string;
  /** Spinal canal: 26 of 3 175 (about 8 in 1 000), 4 operated (about 1 in 800), one centre; JOSR 2019. */
  riskCanal: string;
  /** Lungs: 2–26 in 100, mostly without symptoms; Wang 2012, Krueger 2009. */
  riskLungs: string;
  riskOther: string;
  outOf100: (n: number) => string;
  warning: string;
  warningSigns: string[];
  emergency: string;
  contact: string;
  doctor: string;
}

const en: LeafletText = {
  locale: 'en-GB',
  colon: ': ',
  title: 'Your visit about your back',
  forPatient: 'For',
  talkedAbout: 'What we talked about',
  topics: {
    osteoporosis: 'Weak, thin bones (osteoporosis)',
    fracture: 'The broken bone in your back',
    conservative: 'Treatment without an operation',
    augmentation: 'Treatment with bone cement',
    risks: 'Possible problems after cement treatment',
    aftercare: 'What happens after the treatment',
    other: 'Other topics',
  },
  noTopics: 'We talked about your back and the ways to treat it.',
  choice: 'The option you chose',
  conservative: 'You chose treatment without an operation:',
  measures: {
    'pain-medication': 'Medicine for the pain',
    'calcium-vitamin-d': 'Calcium and vitamin D',
    'short-rest': 'A short rest only (lying down for a long time makes bones weaker)',
    brace: 'A back brace',
    physiotherapy: 'Exercises with a physiotherapist',
    'osteoporosis-medication': 'Medicine to make your bones stronger',
    other: 'Other steps we agreed on',
  },
  kyphoplasty:
    'You chose to have the broken bone filled with bone cement (balloon kyphoplasty). A small balloon first makes room inside the bone, then the space is filled with cement.',
  vertebroplasty: 'You chose to have bone cement put into the broken bone through a needle (vertebroplasty).',
  cementUnknown: 'You chose treatment with bone cement.',
  levels: (levels) => `Bones to be treated: ${levels} (their names on your scans).`,
  local: 'Only the area will be numbed; you stay awake.',
  general: 'You will be asleep during the treatment.',
  plannedDate: 'Planned date',
  referred: 'We will send you to another specialist for the next step.',
  undecided: 'You have not decided yet. Take your time: we will talk about it again.',
  next: 'What happens next',
  followUp: 'Your next appointment',
  noFollowUp: 'We will let you know the date of your next appointment.',
  bringQuestions: 'Write down any questions you have and bring them with you.',
  risksChosen: 'The main risks of cement treatment',
  risksDiscussed: 'The main risks of cement treatment, which we talked about',
  riskLeak:
    'Some cement leaks out of the bone and shows on scans in about 18 out of 100 people after balloon kyphoplasty, and in about 55 out of 100 after vertebroplasty. Most of these leaks cause no problems.',
  riskCanal:
    'Cement gets into the channel where the nerves run in about 8 out of 1,000 people. About 1 in 800 needed an operation because of it (figures from one hospital).',
  riskLungs:
    'Cement travels to the lungs in 2 to 26 out of 100 people (studies differ a lot). Most of them notice nothing.',
  riskOther: 'Other possible problems: infection, bleeding, and reactions to the medicine for numbing or sleep.',
  outOf100: (n) => `${n} out of 100`,
  warning: 'Call us straight away if you have',
  warningSigns: [
    'New back pain, or back pain that gets worse',
    'New weakness or numbness in your legs',
    'A change in how your bladder or bowel works',
    'Fever',
    'Shortness of breath or chest pain',
  ],
  emergency: 'If it feels serious, or you cannot reach us, call the emergency number.',
  contact: 'How to reach us',
  doctor: 'Your doctor',
};

const fr: LeafletText = {
  locale: 'fr-FR',
  colon: '\u00a0: ',
  title: 'Votre consultation pour votre dos',
  forPatient: 'Pour',
  talkedAbout: 'Ce dont nous avons parlé',
  topics: {
    osteoporosis: 'Les os fragiles (ostéoporose)',
    fracture: 'La vertèbre cassée dans votre dos',
    conservative: 'Le traitement sans opération',
    augmentation: 'Le traitement par ciment osseux',
    risks: 'Les risques possibles du traitement par ciment',
    aftercare: 'Ce qui se passe après le traitement',
    other: 'Autres sujets',
  },
  noTopics: 'Nous avons parlé de votre dos et des façons de le soigner.',
  choice: 'Votre choix',
  conservative: 'Vous avez choisi un traitement sans opération\u00a0:',
  measures: {
    'pain-medication': 'Des médicaments contre la douleur',
    'calcium-vitamin-d': 'Du calcium et de la vitamine D',
    'short-rest': 'Un repos de courte durée seulement (rester couché longtemps affaiblit les os)',
    brace: 'Un corset pour soutenir le dos',
    physiotherapy: 'Des exercices avec un physiothérapeute',
    'osteoporosis-medication': 'Un médicament pour renforcer vos os',
    other: 'D’autres mesures convenues ensemble',
  },
  kyphoplasty:
    'Vous avez choisi de faire remplir la vertèbre cassée avec du ciment osseux (cyphoplastie par ballonnet). Un petit ballonnet crée d’abord de la place dans l’os, puis cet espace est rempli de ciment.',
  vertebroplasty:
    'Vous avez choisi de faire injecter du ciment osseux dans la vertèbre cassée à l’aide d’une aiguille (vertébroplastie).',
  cementUnknown: 'Vous avez choisi un traitement par ciment osseux.',
  levels: (levels) => `Vertèbres à traiter\u00a0: ${levels} (leur nom sur vos images).`,
  local: 'Seule la zone à traiter sera anesthésiée\u00a0; vous ne dormirez pas.',
  general: 'Vous dormirez pendant le traitement (anesthésie générale).',
  plannedDate: 'Date prévue',
  referred: 'Nous vous adressons à un autre spécialiste pour la suite.',
  undecided: 'Vous n’avez pas encore décidé. Prenez votre temps\u00a0: nous en reparlerons.',
  next: 'La suite',
  followUp: 'Votre prochain rendez-vous',
  noFollowUp: 'Nous vous communiquerons la date de votre prochain rendez-vous.',
  bringQuestions: 'Notez vos questions et apportez-les au prochain rendez-vous.',
  risksChosen: 'Les principaux risques du traitement par ciment',
  risksDiscussed: 'Les principaux risques du traitement par ciment, dont nous avons parlé',
  riskLeak:
    'Un peu de ciment sort de l’os et se voit sur les images chez environ 18 personnes sur 100 après une cyphoplastie par ballonnet, et chez environ 55 sur 100 après une vertébroplastie. La plupart de ces fuites ne causent aucun problème.',
  riskCanal:
    'Du ciment pénètre dans le canal où passent les nerfs chez environ 8 personnes sur 1\u202f000. Environ 1 personne sur 800 a dû être opérée pour cette raison (chiffres d’un seul hôpital).',
  riskLungs:
    'Du ciment part vers les poumons chez 2 à 26 personnes sur 100 (les études varient beaucoup). La plupart d’entre elles ne ressentent rien.',
  riskOther: 'Autres problèmes possibles\u00a0: infection, saignement et réactions aux médicaments d’anesthésie.',
  outOf100: (n) => `${n} sur 100`,
  warning: 'Appelez-nous sans attendre si vous avez',
  warningSigns: [
    'Une nouvelle douleur au dos, ou une douleur qui s’aggrave',
    'Une nouvelle faiblesse ou un engourdissement dans les jambes',
    'Un changement dans le fonctionnement de la vessie ou des intestins',
    'De la fièvre',
    'Du mal à respirer ou une douleur dans la poitrine',
  ],
  emergency: 'Si cela vous paraît grave ou si vous ne pouvez pas nous joindre, appelez le numéro d’urgence.',
  contact: 'Pour nous joindre',
  doctor: 'Votre médecin',
};

const de: LeafletText = {
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
  cementUnknown: 'Sie haben sich für eine Behandlung mit Knochenzement entschieden.',
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
  risksChosen: 'Die wichtigsten Risiken der Behandlung mit Zement',
  risksDiscussed: 'Die wichtigsten Risiken der Behandlung mit Zement, über die wir gesprochen haben',
  riskLeak:
    'Bei etwa 18 von 100 Menschen nach einer Ballon-Kyphoplastie und bei etwa 55 von 100 nach einer Vertebroplastie tritt etwas Zement aus dem Knochen aus und ist auf den Bildern zu sehen. Meist verursacht das keine Beschwerden.',
  riskCanal:
    'Bei etwa 8 von 1000 Menschen gelangt Zement in den Kanal, in dem die Nerven verlaufen. Etwa 1 von 800 musste deshalb operiert werden (Zahlen aus einer einzigen Klinik).',
  riskLungs:
    'Bei 2 bis 26 von 100 Menschen gelangt Zement in die Lunge (die Studien unterscheiden sich stark). Die meisten merken davon nichts.',
  riskOther: 'Weitere mögliche Probleme: Infektion, Blutung und Reaktionen auf Betäubungs- oder Narkosemittel.',
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
};

export const LEAFLET_TEXT: Record<Language, LeafletText> = { en, fr, de };
