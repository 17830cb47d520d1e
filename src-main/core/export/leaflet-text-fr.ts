/** The patient leaflet in French (see leaflet-text.ts for the rules these words follow). */
import type { LeafletText } from './leaflet-text.js';

export const fr: LeafletText = {
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
  choiceOpen: 'La décision',
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
  cementOpen:
    'Nous avons parlé d’un traitement par ciment osseux. La méthode n’est pas encore choisie\u00a0: nous en reparlerons.',
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
  risksHeading: 'Les risques dont nous avons parlé',
  risksLater: 'Nous passerons en revue avec vous les risques du traitement avant toute intervention.',
  riskLeak:
    'Un peu de ciment sort de l’os et se voit sur les images chez environ 18 personnes sur 100 après une cyphoplastie par ballonnet, et chez environ 55 sur 100 après une vertébroplastie. La plupart de ces fuites ne causent aucun problème.',
  riskCanal:
    'Rarement, du ciment fuit dans le canal autour de la moelle épinière et des nerfs : environ 8 sur 1\u202f000 chez les patients d’un seul hôpital traités par vertébroplastie ; environ 1 sur 1\u202f000 a dû être opéré. Très rarement, les dégâts peuvent être durables.',
  riskLungs:
    'Du ciment part vers les poumons chez 2 à 26 personnes sur 100 (les études varient beaucoup). La plupart d’entre elles ne ressentent rien.',
  riskAdjacent:
    'De nouvelles fractures d’autres vertèbres sont fréquentes quand les os sont fragiles, quel que soit le traitement. Les études n’ont pas montré que le ciment en provoque davantage.',
  riskInfectionBleeding: 'Une infection, ou un saignement à l’endroit de l’aiguille. C’est rare.',
  riskAnaesthesia: 'Une réaction aux médicaments d’anesthésie. Les problèmes graves sont rares.',
  riskDeath:
    'Des décès liés à ce traitement ont été rapportés, mais ils sont très rares\u00a0; il n’existe pas de chiffre fiable.',
  riskOther: (text) => `Aussi\u00a0: ${text}`,
  redFlagsNext:
    'Certains de vos signes demandent des examens avant de pouvoir choisir un traitement. Nous vous dirons lesquels, et quand.',
  draft: 'BROUILLON',
  draftNote: 'Brouillon\u00a0: votre médecin n’a pas encore vérifié ni signé ce document.',
  noContact: 'Demandez-nous le numéro de téléphone à appeler et notez-le ici\u00a0:',
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
  decksUsed: 'Les informations que nous vous avons montrées',
  deckEdition: (version, reviewed) =>
    `version ${version ?? '(non indiquée)'}, données vérifiées le ${reviewed ?? '(date non indiquée)'}`,
  translation: 'Traduction',
  seal: 'Code de contrôle du dossier (pour la clinique)',
};
