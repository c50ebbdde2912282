/**
 * The mail libraries cost ~150 ms (imapflow), ~100 ms (nodemailer) and more (mailparser) to
 * import: each is loaded when mail is first used (a probe, a send, an inbox read), not when
 * Plume starts. Node caches the module, so later calls cost a lookup.
 */
export const imapflow = () => import('imapflow');
export const nodemailer = () => import('nodemailer');
export const mailComposer = async () => (await import('nodemailer/lib/mail-composer')).default;
export const mailparser = () => import('mailparser');
