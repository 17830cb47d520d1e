/**
 * The patient leaflet's words in English, French and German: plain words, no
 * clinical jargon. Every figure comes from shared/medical-facts.md (risks of
 * augmentation) and is given as a natural frequency ("18 out of 100").
 */
import type { DeckSummary } from '../../../src-shared/contract/index.js';
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
  /** The heading when nothing is chosen yet (undecided, or the cement method open). */
  choiceOpen: string;
  conservative: string;
  measures: Record<Measure, string>;
  kyphoplasty: string;
  vertebroplasty: string;
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
  /** Heading of the risks confirmed as discussed: the leaflet lists exactly those. */
  risksHeading: string;
  /** Cement treatment chosen but no risk confirmed as discussed yet. */
  risksLater: string;
  /** Cement leak seen on scans: about 18 in 100 (kyphoplasty), 55 in 100 (vertebroplasty); Zhan 2017. */
  riskLeak: string;
  /** Spinal canal: 26 of 3 175 (about 8 in 1 000), 4 operated (about 1 in 1 000), vertebroplasty patients of one centre; JOSR 2019. */
  riskCanal: string;
  /** Lungs: 2–26 in 100, mostly without symptoms; Wang 2012, Krueger 2009. */
  riskLungs: string;
  /** Adjacent fractures: common with osteoporosis whatever the treatment; VERTOS II/IV found no clear excess. */
  riskAdjacent: string;
  riskInfectionBleeding: string;
  /** VAPOUR: 1 of 61 stopped breathing after sedation; qualitative only. */
  riskAnaesthesia: string;
  /** Reported but rare; no reliable figure. */
  riskDeath: string;
  riskOther: (text: string) => string;
  /** Red flags recorded: more tests before any treatment; never "you chose". */
  redFlagsNext: string;
  /** Cement treatment on the table but the method not chosen: never "you chose". */
  cementOpen: string;
  /** The watermark word and the line under the title of an unsigned leaflet. */
  draft: string;
  draftNote: string;
  /** When the clinic contact is empty: a line to write the number on, never an empty "phone". */
  noContact: string;
  outOf100: (n: number) => string;
  warning: string;
  warningSigns: string[];
  emergency: string;
  contact: string;
  doctor: string;
  /** Certifying items of the decks shown (IPDAS): heading, then "version 1, evidence reviewed …". */
  decksUsed: string;
  deckEdition: (version: string | null, reviewed: string | null) => string;
  translation: string;
  /** The short seal of a signed leaflet (last page, small print): the record's check code for the clinic. */
  seal: string;
}

export const en: LeafletText = {
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
  choiceOpen: 'The decision',
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
  cementOpen: 'We talked about treatment with bone cement. The method is not chosen yet: we will talk about it again.',
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
  risksHeading: 'The risks we talked about',
  risksLater: 'We will go through the risks of the treatment with you before anything is done.',
  riskLeak:
    'Some cement leaks out of the bone and shows on scans in about 18 out of 100 people after balloon kyphoplasty, and in about 55 out of 100 after vertebroplasty. Most of these leaks cause no problems.',
  riskCanal:
    'Rarely, cement leaks into the canal around the spinal cord and nerves: about 8 in 1,000 in one hospital’s vertebroplasty patients; about 1 in 1,000 needed an operation. Very rarely, the damage can be lasting.',
  riskLungs:
    'Cement travels to the lungs in 2 to 26 out of 100 people (studies differ a lot). Most of them notice nothing.',
  riskAdjacent:
    'New breaks of other bones in the spine are common when bones are weak, whatever the treatment. Studies have not shown that the cement causes more of them.',
  riskInfectionBleeding: 'An infection, or bleeding where the needle goes in. This is rare.',
  riskAnaesthesia: 'A reaction to the medicine for numbing or for sleep. Serious problems are rare.',
  riskDeath: 'Deaths linked to this treatment have been reported, but they are very rare; there is no reliable figure.',
  riskOther: (text) => `Also: ${text}`,
  redFlagsNext:
    'Some of what you told us needs more tests before a treatment can be chosen. We will tell you which tests, and when.',
  draft: 'DRAFT',
  draftNote: 'Draft: your doctor has not checked and signed this leaflet yet.',
  noContact: 'Ask us for the phone number to call, and write it here:',
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
  decksUsed: 'The information we showed you',
  deckEdition: (version, reviewed) =>
    `version ${version ?? '(not stated)'}, evidence checked on ${reviewed ?? '(date not stated)'}`,
  translation: 'Translation',
  seal: 'Record check code (for the clinic)',
};
