import type {CareStrings} from './index.js';

const kept = (days: number) => `Tus marcas se guardan en este dispositivo durante ${days === 1 ? '1\u00a0día' : `${days}\u00a0días`}.`;

/** Spanish UI strings. */
export const es: CareStrings = {
  symptomsSummary: (marked, total) => (marked === 0 ? `Ninguno de los ${total} síntomas marcado.` : `${marked} de ${total} síntomas marcados.`),
  symptomsGuidance: 'Estas señales tienen muchas causas: habla de ellas con un profesional de la salud.',
  checklistProgress: (done, total) => `${done} de ${total} hechos`,
  checklistProgressLabel: 'Pasos hechos',
  checklistReset: 'Borrar marcas',
  symptomsKept: kept,
  checklistKept: kept,
  symptomsForget: 'Olvidarlas',
  keptForgotten: 'Ya no se guarda nada en este dispositivo.',
  loading: 'Cargando…',

  required: 'Obligatorio',
  sending: 'Enviando…',
  retry: 'Intentar de nuevo',
  errorSummary: (count) => (count === 1 ? 'Corrige 1 campo.' : `Corrige ${count} campos.`),
  valueMissing: 'Este campo es obligatorio.',
  typeMismatchEmail: 'Escribe un correo electrónico como nombre@ejemplo.com.',
  typeMismatchUrl: 'Escribe una dirección web que empiece por http:// o https://.',
  tooLong: (over) => (over === 1 ? 'Sobra 1 carácter.' : `Sobran ${over} caracteres.`),
  charactersLeft: (left) => {
    const n = Math.abs(left);
    if (left >= 0) return n === 1 ? 'Queda 1 carácter' : `Quedan ${n} caracteres`;
    return n === 1 ? '1 carácter por encima del límite' : `${n} caracteres por encima del límite`;
  },
  failureNetwork: 'No pudimos conectar con el servidor. Todo lo que escribiste sigue aquí. Inténtalo de nuevo.',
  failureServer: 'El servidor tuvo un problema. Todo lo que escribiste sigue aquí. Inténtalo de nuevo.',
  failureBadResponse: 'El servidor envió una respuesta que no pudimos leer. Todo lo que escribiste sigue aquí.',
  notConfigured: 'Este formulario no se puede enviar: su dirección no es válida.',
  tooFast: 'Estás enviando demasiado rápido. Espera un momento y vuelve a intentarlo.',

  signupHeading: 'Consigue nuestra guía gratuita de salud intestinal',
  signupIntro: 'Si quieres saber más sobre la salud intestinal, descarga nuestra guía gratuita.',
  signupEmail: 'Correo electrónico',
  signupName: 'Nombre',
  signupConsent: 'Acepto recibir la guía y correos ocasionales sobre salud intestinal. Puedo darme de baja cuando quiera.',
  signupOffer: 'Envíenme también una muestra gratuita para 3 días de Life Greens, nuestro zumo verde probiótico, para cuidar la salud intestinal.',
  signupSubmit: 'Enviarme la guía',
  signupSuccess: '¡Gracias! Tu guía gratuita de salud intestinal está lista.',
  signupDownload: 'Descargar la guía',
  signupRejected: 'No pudimos completar el registro. Revisa tus datos e inténtalo de nuevo.',

  commentHeading: 'Deja una respuesta',
  commentReplyHeading: (name) => `Responder a ${name}`,
  commentCancelReply: 'Cancelar respuesta',
  commentNotes: 'Tu dirección de correo electrónico no será publicada.',
  commentRequiredNote: 'Los campos obligatorios están marcados con',
  commentComment: 'Comentario',
  commentName: 'Nombre',
  commentEmail: 'Correo electrónico',
  commentWebsite: 'Web',
  commentRemember: 'Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.',
  commentSubmit: 'Publicar el comentario',
  commentPublished: 'Tu comentario se ha publicado.',
  commentPending: 'Tu comentario está esperando moderación.',
  commentDuplicate: 'Tu comentario ya se había recibido.',
  commentFlood: 'Estás publicando comentarios demasiado rápido. Tómatelo con calma.',
  commentLoginRequired: 'Lo siento, debes iniciar sesión para comentar.',
  commentKept: 'Hemos guardado tu comentario. Inténtalo de nuevo.',
  commentRejected: 'No se pudo publicar tu comentario.',
  commentViewLink: 'Ver tu comentario',
  commentDraftRestored: 'Se recuperó tu comentario sin enviar de este dispositivo.',
  commentDiscardDraft: 'Descartar borrador',
  commentDraftDiscarded: 'Borrador descartado.',
};
