/**
 * The article "Understanding Leaky Gut Syndrome: Symptoms, Causes, and Treatment" as typed,
 * frozen data: the default content of the three lists, so a bare tag shows something real.
 * Ids are stable across languages, so ticks saved in one language still match in another.
 */

/** One entry of a list. `detail` is optional supporting text (shown by `care-cause-list`). */
export interface CareItem {
  id: string;
  label: string;
  detail?: string;
}

/** A list of the article: its heading, its items and the caution that goes with it. */
export interface ArticleList {
  heading: string;
  items: readonly CareItem[];
  caution: string;
}

export interface ArticleContent {
  symptoms: ArticleList;
  causes: ArticleList;
  treatment: ArticleList;
}

const freeze = (list: ArticleList): ArticleList => Object.freeze({...list, items: Object.freeze(list.items.map((item) => Object.freeze({...item})))});

const RECOGNITION_EN =
  'It’s important to note that leaky gut syndrome is not a recognized medical condition by all medical practitioners, and more research is needed to understand the underlying causes and best ways to treat it.';

const en: ArticleContent = {
  symptoms: freeze({
    heading: 'Symptoms of Leaky Gut Syndrome',
    caution: RECOGNITION_EN,
    items: [
      {id: 'abdominal-pain', label: 'Abdominal pain and cramping'},
      {id: 'diarrhea-constipation', label: 'Diarrhea or constipation'},
      {id: 'gas-bloating', label: 'Gas and bloating'},
      {id: 'fatigue', label: 'Fatigue and weakness'},
      {id: 'brain-fog', label: 'Brain fog and difficulty concentrating'},
      {id: 'skin-problems', label: 'Skin problems, such as eczema or acne'},
      {id: 'food-sensitivities', label: 'Food sensitivities and allergies'},
      {id: 'joint-pain', label: 'Joint pain and inflammation'},
    ],
  }),
  causes: freeze({
    heading: 'Causes of Leaky Gut Syndrome',
    caution: RECOGNITION_EN,
    items: [
      {id: 'chronic-stress', label: 'Chronic stress'},
      {id: 'sugar-processed-diet', label: 'A diet high in sugar and processed foods'},
      {id: 'antibiotic-overuse', label: 'An overuse of antibiotics or other medications'},
      {id: 'infection', label: 'An infection or illness'},
      {id: 'lack-of-beneficial-bacteria', label: 'A lack of beneficial gut bacteria'},
      {id: 'medical-conditions', label: 'Certain medical conditions, such as celiac disease or Crohn’s disease'},
    ],
  }),
  treatment: freeze({
    heading: 'Prevention and Treatment',
    caution:
      'It’s important to note that healing the gut can take time and it’s important to work with a healthcare professional in order to develop an individualized plan.',
    items: [
      {id: 'reduce-sugar', label: 'Reduce sugar and processed foods'},
      {id: 'nutrient-dense-foods', label: 'Eat more nutrient-dense foods like fruits, vegetables and fermented foods'},
      {id: 'probiotics-omega-3', label: 'Consider supplements like probiotics and omega-3 fatty acids'},
      {id: 'eliminate-sensitivities', label: 'Eliminate food sensitivities and allergies'},
      {id: 'manage-stress', label: 'Manage stress through techniques like yoga, meditation, or therapy'},
      {id: 'avoid-medication-overuse', label: 'Avoid overuse of antibiotics and other medications'},
      {id: 'exercise-sleep', label: 'Exercise and get enough sleep'},
      {id: 'consult-professional', label: 'Consult a healthcare professional to determine if any underlying medical conditions may be contributing'},
    ],
  }),
};

const RECOGNITION_ES =
  'Es importante señalar que no todos los profesionales médicos reconocen el síndrome del intestino permeable como una afección médica, y se necesita más investigación para comprender sus causas y las mejores formas de tratarlo.';

const es: ArticleContent = {
  symptoms: freeze({
    heading: 'Síntomas del síndrome del intestino permeable',
    caution: RECOGNITION_ES,
    items: [
      {id: 'abdominal-pain', label: 'Dolor y calambres abdominales'},
      {id: 'diarrhea-constipation', label: 'Diarrea o estreñimiento'},
      {id: 'gas-bloating', label: 'Gases e hinchazón'},
      {id: 'fatigue', label: 'Cansancio y debilidad'},
      {id: 'brain-fog', label: 'Niebla mental y dificultad para concentrarse'},
      {id: 'skin-problems', label: 'Problemas de piel, como eccema o acné'},
      {id: 'food-sensitivities', label: 'Sensibilidades y alergias alimentarias'},
      {id: 'joint-pain', label: 'Dolor e inflamación de las articulaciones'},
    ],
  }),
  causes: freeze({
    heading: 'Causas del síndrome del intestino permeable',
    caution: RECOGNITION_ES,
    items: [
      {id: 'chronic-stress', label: 'Estrés crónico'},
      {id: 'sugar-processed-diet', label: 'Una dieta rica en azúcar y alimentos procesados'},
      {id: 'antibiotic-overuse', label: 'El uso excesivo de antibióticos u otros medicamentos'},
      {id: 'infection', label: 'Una infección o enfermedad'},
      {id: 'lack-of-beneficial-bacteria', label: 'La falta de bacterias intestinales beneficiosas'},
      {id: 'medical-conditions', label: 'Ciertas afecciones médicas, como la enfermedad celíaca o la enfermedad de Crohn'},
    ],
  }),
  treatment: freeze({
    heading: 'Prevención y tratamiento',
    caution:
      'Es importante señalar que sanar el intestino puede llevar tiempo y que conviene trabajar con un profesional de la salud para elaborar un plan individualizado.',
    items: [
      {id: 'reduce-sugar', label: 'Reducir el azúcar y los alimentos procesados'},
      {id: 'nutrient-dense-foods', label: 'Comer más alimentos ricos en nutrientes, como frutas, verduras y alimentos fermentados'},
      {id: 'probiotics-omega-3', label: 'Considerar suplementos como probióticos y ácidos grasos omega-3'},
      {id: 'eliminate-sensitivities', label: 'Eliminar las sensibilidades y alergias alimentarias'},
      {id: 'manage-stress', label: 'Controlar el estrés con técnicas como yoga, meditación o terapia'},
      {id: 'avoid-medication-overuse', label: 'Evitar el uso excesivo de antibióticos y otros medicamentos'},
      {id: 'exercise-sleep', label: 'Hacer ejercicio y dormir lo suficiente'},
      {id: 'consult-professional', label: 'Consultar a un profesional de la salud para saber si alguna afección de fondo puede estar contribuyendo'},
    ],
  }),
};

/** The article's content per language; `en` is the original. */
export const ARTICLE: Readonly<Record<'en' | 'es', ArticleContent>> = Object.freeze({en, es});
