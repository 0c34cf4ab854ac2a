/**
 * The vocabulary of consensus: the positions a party states (`position.<kind>`, with
 * `position.no_response`) and what each means in plain words (`positionHelp.<kind>`), the
 * reasons why a text is not agreed (`reason.<code>`, with {parties}, {items}, {inFavour},
 * {against}, {voting}; the `.provision` / `.document` forms name the provision), the
 * decision rules (`rule.<kind>`), and the form in which a delegate states a position.
 * ru / en complete.
 */
export const consensusUiMessages = {
  ru: {
    'position.agree': 'Согласие',
    'position.agree_ad_referendum': 'Согласие ad referendum',
    'position.reservation': 'Особое мнение',
    'position.objection': 'Возражение',
    'position.non_participation': 'Неучастие',
    'position.no_response': 'Нет ответа',
    'positionHelp.agree': 'Государство принимает текст в этой редакции.',
    'positionHelp.agree_ad_referendum':
      'Согласие при условии подтверждения в столице по итогам внутригосударственного согласования. Учитывается как согласие, ожидающее подтверждения.',
    'positionHelp.reservation':
      'Государство принимает текст с особым мнением, которое прилагается к принятому тексту. Не препятствует согласованию. Изложите особое мнение.',
    'positionHelp.objection':
      'Государство не принимает текст. Пока возражение не снято, текст не согласован. Изложите причины.',
    'positionHelp.non_participation':
      'Государство не участвует в документе (принцип заинтересованности): не препятствует его принятию и не подписывает его.',
    'reason.open_brackets': 'не согласован текст в квадратных скобках: {items}',
    'reason.objection': 'возражение: {parties}',
    'reason.no_response': 'нет ответа: {parties}',
    'reason.ad_referendum_pending': 'согласовано ad referendum, ожидается подтверждение: {parties}',
    'reason.majority_not_reached':
      'квалифицированное большинство не набрано: за — {inFavour}, против — {against}, из {voting} голосующих',
    'reason.provisions_open': 'не согласованы положения: {items}',
    'reason.non_participation_not_provided':
      'при консенсусе неучастие в отдельном положении не предусмотрено и не учтено: {parties}',
    'reason.no_participating_member': 'ни одно государство-участник ещё не выразило согласия',
    'reason.objection.document.one': '{parties} возражает против документа в целом',
    'reason.objection.document.other': '{parties} возражают против документа в целом',
    'reason.objection.provision.one': '{parties} возражает против {provision}',
    'reason.objection.provision.other': '{parties} возражают против {provision}',
    'reason.open_brackets.provision': 'в {provision} остаётся текст в квадратных скобках: {n}',
    'reason.majority_not_reached.provision':
      '{provision}: квалифицированное большинство не набрано (за — {inFavour}, против — {against}, из {voting} голосующих)',
    'rule.consensus': 'Консенсус: согласие всех участвующих государств-участников',
    'rule.consensus_interested_party':
      'Консенсус заинтересованных сторон: государство вправе заявить о неучастии',
    'rule.qualified_majority':
      'Квалифицированное большинство: за — не менее {inFavour} голосующих, против — не более {against}',
    'ui.position.title': 'Заявить позицию: {party}',
    'ui.position.current': 'Наша позиция по документу в целом сейчас:',
    'ui.position.currentHere': 'Наша позиция по этому положению:',
    'ui.position.open': 'Заявить позицию',
    'ui.position.hide': 'Свернуть',
    'ui.position.on': 'К чему относится позиция',
    'ui.position.kind': 'Позиция',
    'ui.position.chooseKind': 'Выберите позицию.',
    'ui.position.text.reservation': 'Текст особого мнения',
    'ui.position.text.objection': 'Причины возражения',
    'ui.position.text.optional': 'Пояснение (необязательно)',
    'ui.position.textRequired.reservation': 'Изложите особое мнение.',
    'ui.position.textRequired.objection': 'Изложите причины возражения.',
    'ui.position.submit': 'Заявить позицию',
    'ui.position.stated': 'Позиция записана: «{position}» — {provision}.',
  },
  en: {
    'position.agree': 'Agree',
    'position.agree_ad_referendum': 'Agree ad referendum',
    'position.reservation': 'Reservation (special opinion)',
    'position.objection': 'Objection',
    'position.non_participation': 'Non-participation',
    'position.no_response': 'No response',
    'positionHelp.agree': 'We accept the text of this version.',
    'positionHelp.agree_ad_referendum':
      'We agree, subject to confirmation at home once our domestic procedure is complete. Counts as agreement, pending confirmation.',
    'positionHelp.reservation':
      'We accept the text with a special opinion, which is attached to the adopted text. Does not block agreement. Write the special opinion.',
    'positionHelp.objection':
      'We do not accept the text. Until the objection is withdrawn, the text is not agreed. Give the reasons.',
    'positionHelp.non_participation':
      'We take no part in this document (the interested-party principle): we neither block it nor sign it.',
    'reason.open_brackets': 'text in square brackets not yet agreed: {items}',
    'reason.objection': 'objection: {parties}',
    'reason.no_response': 'no response from {parties}',
    'reason.ad_referendum_pending': 'agreed ad referendum, confirmation pending: {parties}',
    'reason.majority_not_reached':
      'qualified majority not reached: {inFavour} in favour, {against} against, of {voting} voting',
    'reason.provisions_open': 'provisions not agreed: {items}',
    'reason.non_participation_not_provided':
      'non-participation in a single provision is not provided for under consensus and was disregarded: {parties}',
    'reason.no_participating_member': 'no member has agreed yet',
    'reason.objection.document.one': '{parties} objects to the document as a whole',
    'reason.objection.document.other': '{parties} object to the document as a whole',
    'reason.objection.provision.one': '{parties} objects to {provision}',
    'reason.objection.provision.other': '{parties} object to {provision}',
    'reason.open_brackets.provision': 'text in square brackets remains in {provision}: {n}',
    'reason.majority_not_reached.provision':
      '{provision}: qualified majority not reached ({inFavour} in favour, {against} against, of {voting} voting)',
    'rule.consensus': 'Consensus: every participating member agrees',
    'rule.consensus_interested_party':
      'Consensus of the interested parties: a member may declare non-participation',
    'rule.qualified_majority':
      'Qualified majority: at least {inFavour} of those voting in favour, at most {against} against',
    'ui.position.title': 'State our position: {party}',
    'ui.position.current': 'Our current position on the document as a whole:',
    'ui.position.currentHere': 'Our position on this provision:',
    'ui.position.open': 'State our position',
    'ui.position.hide': 'Hide the form',
    'ui.position.on': 'Position on',
    'ui.position.kind': 'Position',
    'ui.position.chooseKind': 'Choose a position.',
    'ui.position.text.reservation': 'Text of the special opinion',
    'ui.position.text.objection': 'Reasons for the objection',
    'ui.position.text.optional': 'Explanation (optional)',
    'ui.position.textRequired.reservation': 'Write the special opinion.',
    'ui.position.textRequired.objection': 'Give the reasons for the objection.',
    'ui.position.submit': 'State the position',
    'ui.position.stated': 'Position recorded: “{position}” — {provision}.',
  },
}
