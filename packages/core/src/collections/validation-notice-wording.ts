import type { LetterDocument } from '../plugins/contracts.ts';
import { formatCents } from '../util/money.ts';

export type NoticeLanguage = 'ENGLISH' | 'SPANISH';

/** What the validation notice states (12 CFR 1006.34(c)), in cents and YYYY-MM-DD dates. */
export interface ValidationNoticeFacts {
  collector: { name: string; addressLines: string[]; phone: string; electronicDisputes: string | null };
  creditor: string;
  consumer: { name: string; addressLines: string[] };
  accountNumber: string;
  reference: string;
  sentOn: string;
  itemizationDate: string;
  itemizationBalanceCents: number;
  interestCents: number;
  feesCents: number;
  paymentsAndCreditsCents: number;
  amountDueCents: number;
  validationPeriodEnd: string;
  /** Offer a Spanish copy (optional, 1006.34(d)(3)(vi)); a Spanish notice never carries the offer. @default true */
  spanishOffer?: boolean;
}

/** A signed amount as model form B-1 prints it: `+ $12.00`, `– $20.00`, and a zero without a sign. */
export function signedAmount(cents: number, sign: '+' | '–'): string {
  return cents === 0 ? formatCents(0) : `${sign} ${formatCents(Math.abs(cents))}`;
}

/**
 * The validation notice in the wording of the CFPB's model form B-1 (12 CFR part 1006, appendix B), whose use is a
 * safe harbor (1006.34(d)(2)), or of its Spanish version. US-government text, in the public domain.
 */
export function validationNoticeLetter(facts: ValidationNoticeFacts, language: NoticeLanguage): LetterDocument {
  const w = language === 'SPANISH' ? spanish(facts) : english(facts);
  const { collector } = facts;
  // The offer is the last line of "what else" and the last check box; a practice may leave it out.
  const withoutOffer = language === 'ENGLISH' && facts.spanishOffer === false;
  const otherSteps = withoutOffer ? w.otherSteps.slice(0, -1) : w.otherSteps;
  const choices = withoutOffer ? w.choices.slice(0, -1) : w.choices;
  return {
    kind: 'validation-notice',
    title: w.title,
    language: language === 'SPANISH' ? 'es' : 'en',
    from: { name: collector.name, lines: [...collector.addressLines, collector.phone] },
    to: { name: facts.consumer.name, lines: facts.consumer.addressLines },
    date: facts.sentOn,
    references: [{ label: w.referenceLabel, value: facts.reference }],
    salutation: '',
    paragraphs: [w.opening, w.ourInformation],
    table: {
      columns: [w.itemizationColumn, w.amountColumn],
      rows: [
        [w.owedOn, formatCents(facts.itemizationBalanceCents)],
        [w.between, ''],
        [w.interest, signedAmount(facts.interestCents, '+')],
        [w.fees, signedAmount(facts.feesCents, '+')],
        [w.paidOrCredited, signedAmount(facts.paymentsAndCreditsCents, '–')],
        [w.totalNow, formatCents(facts.amountDueCents)],
      ],
    },
    sections: [
      { heading: w.howToDispute, paragraphs: w.disputeSteps },
      { heading: w.whatElse, paragraphs: otherSteps },
    ],
    closing: w.contact,
    signature: [collector.name, ...collector.addressLines, collector.phone],
    enclosures: [],
    responseForm: {
      heading: w.respondHeading,
      intro: [w.checkAll, w.disputeBecause],
      choices,
      notes: [w.payable],
      mailTo: { label: w.mailTo, name: collector.name, lines: collector.addressLines },
    },
  };
}

const dateIn = (date: string, locale: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

function english(f: ValidationNoticeFacts) {
  const by = dateIn(f.validationPeriodEnd, 'en-US');
  const since = dateIn(f.itemizationDate, 'en-US');
  const electronically = f.collector.electronicDisputes
    ? ` We accept disputes electronically at ${f.collector.electronicDisputes}.`
    : '';
  return {
    title: 'Notice of debt',
    referenceLabel: 'Reference',
    opening: `${f.collector.name} is a debt collector. We are trying to collect a debt that you owe to ${f.creditor}. We will use any information you give us to help collect the debt.`,
    ourInformation: `Our information shows: You had an account for medical services from ${f.creditor} with account number ${f.accountNumber}.`,
    itemizationColumn: 'Itemization',
    amountColumn: 'Amount',
    owedOn: `As of ${since}, you owed:`,
    between: `Between ${since} and today:`,
    interest: 'You were charged this amount in interest:',
    fees: 'You were charged this amount in fees:',
    paidOrCredited: 'You paid or were credited this amount toward the debt:',
    totalNow: 'Total amount of the debt now:',
    howToDispute: 'How can you dispute the debt?',
    disputeSteps: [
      `Call or write to us by ${by}, to dispute all or part of the debt. If you do not, we will assume that our information is correct.`,
      `If you write to us by ${by}, we must stop collection on any amount you dispute until we send you information that shows you owe the debt. You may use the form below or write to us without the form. You may also include supporting documents.${electronically}`,
    ],
    whatElse: 'What else can you do?',
    otherSteps: [
      `Write to ask for the name and address of the original creditor, if different from the current creditor. If you write by ${by}, we must stop collection until we send you that information. You may use the form below or write to us without the form.`,
      'Go to www.cfpb.gov/debt-collection to learn more about your rights under federal law. For instance, you have the right to stop or limit how we contact you.',
      'Contact us about your payment options.',
      'Póngase en contacto con nosotros para solicitar una copia de este formulario en español.',
    ],
    contact: `Call us at ${f.collector.phone} or write to us at the address below.`,
    respondHeading: 'How do you want to respond?',
    checkAll: 'Check all that apply:',
    disputeBecause: 'I want to dispute the debt because I think:',
    choices: [
      { label: 'This is not my debt.', indent: true },
      { label: 'The amount is wrong.', indent: true },
      { label: 'Other (please describe on reverse or attach additional information).', indent: true },
      { label: 'I want you to send me the name and address of the original creditor.' },
      { label: 'I enclosed this amount: $' },
      { label: 'Quiero este formulario en español.' },
    ],
    payable: `Make your check payable to ${f.collector.name}. Include the reference number ${f.reference}.`,
    mailTo: 'Mail this form to:',
  };
}

function spanish(f: ValidationNoticeFacts) {
  const by = dateIn(f.validationPeriodEnd, 'es-US');
  const since = dateIn(f.itemizationDate, 'es-US');
  const electronically = f.collector.electronicDisputes
    ? ` Aceptamos disputas electrónicamente en ${f.collector.electronicDisputes}.`
    : '';
  return {
    title: 'Aviso de deuda',
    referenceLabel: 'Referencia',
    opening: `${f.collector.name} es un cobrador de deudas. Estamos tratando de cobrar una deuda que usted le debe a ${f.creditor}. Usaremos cualquier información que usted nos dé para ayudar a cobrar la deuda.`,
    ourInformation: `Nuestra información indica: Usted tenía una cuenta de servicios médicos de ${f.creditor} con el número de cuenta ${f.accountNumber}.`,
    itemizationColumn: 'Detalle',
    amountColumn: 'Cantidad',
    owedOn: `Al ${since}, usted debía:`,
    between: `Entre el ${since} y hoy:`,
    interest: 'Se le cobró esta cantidad en intereses:',
    fees: 'Se le cobró esta cantidad en cargos:',
    paidOrCredited: 'Usted pagó o se le acreditó esta cantidad a la deuda:',
    totalNow: 'Cantidad total de la deuda ahora:',
    howToDispute: '¿Cómo puede disputar la deuda?',
    disputeSteps: [
      `Llámenos o escríbanos antes del ${by} para disputar toda o parte de la deuda. Si no lo hace, asumiremos que nuestra información es correcta.`,
      `Si nos escribe antes del ${by}, debemos dejar de cobrar cualquier cantidad que usted dispute hasta que le enviemos información que demuestre que usted debe la deuda. Puede usar el formulario a continuación o escribirnos sin el formulario. También puede incluir documentos de apoyo.${electronically}`,
    ],
    whatElse: '¿Qué más puede hacer?',
    otherSteps: [
      `Escríbanos para pedir el nombre y la dirección del acreedor original, si es diferente del acreedor actual. Si nos escribe antes del ${by}, debemos dejar de cobrar hasta que le enviemos esa información. Puede usar el formulario a continuación o escribirnos sin el formulario.`,
      'Visite www.cfpb.gov/debt-collection para obtener más información sobre sus derechos bajo la ley federal. Por ejemplo, usted tiene derecho a detener o limitar la forma en que nos comunicamos con usted.',
      'Comuníquese con nosotros para conocer sus opciones de pago.',
    ],
    contact: `Llámenos al ${f.collector.phone} o escríbanos a la dirección de abajo.`,
    respondHeading: '¿Cómo desea responder?',
    checkAll: 'Marque todas las opciones que correspondan:',
    disputeBecause: 'Quiero disputar la deuda porque creo que:',
    choices: [
      { label: 'Esta no es mi deuda.', indent: true },
      { label: 'La cantidad es incorrecta.', indent: true },
      { label: 'Otro (describa al dorso o adjunte información adicional).', indent: true },
      { label: 'Quiero que me envíen el nombre y la dirección del acreedor original.' },
      { label: 'Adjunté esta cantidad: $' },
    ],
    payable: `Haga su cheque pagadero a ${f.collector.name}. Incluya el número de referencia ${f.reference}.`,
    mailTo: 'Envíe este formulario a:',
  };
}
