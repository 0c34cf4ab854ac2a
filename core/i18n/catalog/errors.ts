/** Error messages, one per stable error code (`error.<code>`). Listed in docs/api.md. */
export const errorMessages = {
  ru: {
    'error.validation_failed': 'Запрос содержит ошибки: {fields}.',
    'error.invalid_json': 'Тело запроса не является корректным JSON.',
    'error.invalid_credentials': 'Неверный адрес электронной почты или пароль.',
    'error.authentication_required': 'Требуется вход в систему.',
    'error.permission_required': 'У вас нет прав на это действие.',
    'error.csrf_token_invalid':
      'Сеанс устарел или запрос отправлен не из Concord. Обновите страницу и повторите.',
    'error.version_changed':
      'Данные уже изменены другим пользователем (текущая версия {current}). Обновите страницу и повторите.',
    'error.version_immutable': 'Опубликованная редакция неизменяема. Создайте новую редакцию.',
    'error.payload_too_large': 'Запрос слишком велик (не более {limit} байт).',
    'error.unsupported_media_type': 'Неподдерживаемый тип содержимого.',
    'error.rate_limited': 'Слишком много попыток. Повторите через {seconds} с.',
    'error.route_not_found': 'Такого адреса нет.',
    'error.organization_not_found': 'Организация не найдена.',
    'error.dossier_not_found': 'Пакет документов не найден.',
    'error.document_not_found': 'Документ не найден.',
    'error.version_not_found': 'Редакция не найдена.',
    'error.body_not_found': 'Орган не найден.',
    'error.party_not_found': 'Сторона не найдена: {codes}.',
    'error.user_not_found': 'Пользователь не найден.',
    'error.reference_taken': 'Пакет с таким номером уже существует.',
    'error.internal_error': 'Внутренняя ошибка сервера. Номер запроса: {requestId}.',
    'error.not_ready': 'Сервер ещё не готов.',
    'error.stage_transition_refused':
      'Порядок прохождения не допускает перехода с этапа «{from}» на этап «{to}».',
  },
  en: {
    'error.validation_failed': 'The request has errors: {fields}.',
    'error.invalid_json': 'The request body is not valid JSON.',
    'error.invalid_credentials': 'Wrong e-mail address or password.',
    'error.authentication_required': 'Please sign in.',
    'error.permission_required': 'You are not allowed to do this.',
    'error.csrf_token_invalid':
      'Your session is out of date or the request did not come from Concord. Reload the page and try again.',
    'error.version_changed':
      'Someone else has already changed this (current version {current}). Reload the page and try again.',
    'error.version_immutable': 'A published version cannot be changed. Create a new version.',
    'error.payload_too_large': 'The request is too large (at most {limit} bytes).',
    'error.unsupported_media_type': 'Unsupported content type.',
    'error.rate_limited': 'Too many attempts. Try again in {seconds} s.',
    'error.route_not_found': 'There is no such address.',
    'error.organization_not_found': 'Organization not found.',
    'error.dossier_not_found': 'Dossier not found.',
    'error.document_not_found': 'Document not found.',
    'error.version_not_found': 'Version not found.',
    'error.body_not_found': 'Body not found.',
    'error.party_not_found': 'Party not found: {codes}.',
    'error.user_not_found': 'User not found.',
    'error.reference_taken': 'A dossier with this reference already exists.',
    'error.internal_error': 'Internal server error. Request id: {requestId}.',
    'error.not_ready': 'The server is not ready yet.',
    'error.stage_transition_refused':
      'The procedure does not allow a move from stage "{from}" to stage "{to}".',
  },
}
