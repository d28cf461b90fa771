import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { meQuery } from '../api/auth.js';
import {
  deleteMailTemplate,
  type MailTemplateDraft,
  type MailTemplateView,
  mailPreviewQuery,
  mailTemplateQuery,
  mailTemplatesQuery,
  renderProblemsOf,
  saveMailTemplate,
  sendTestMail,
  templateInputOf,
} from '../api/mail.js';
import { can } from '../api/permissions.js';
import { ConfirmAction } from '../components/confirm-action.js';
import { ErrorNotice } from '../components/error-notice.js';
import { mailNames, mailTitleOf, mailTitles } from '../components/mail-messages.js';
import { MailPreview } from '../components/mail-preview.js';
import { MailTabs } from '../components/mail-tabs.js';
import { MailTemplateFields } from '../components/mail-template-fields.js';
import { MailTestSend } from '../components/mail-test-send.js';
import { useDebounced } from '../components/use-debounced.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All mails',
    own: 'This language uses your own version.',
    shipped: 'This language uses the shipped template; saving makes it your own.',
    save: 'Save template',
    saved: 'Saved: the next mail uses it.',
    revert: 'Back to the shipped template',
    question: 'Delete your own version of this mail in this language? The shipped template is used again.',
    confirm: 'Delete my version',
  },
  ru: {
    back: 'Все письма',
    own: 'Для этого языка используется ваша версия.',
    shipped: 'Для этого языка используется стандартный шаблон; после сохранения он станет вашим.',
    save: 'Сохранить шаблон',
    saved: 'Сохранено: следующее письмо будет по нему.',
    revert: 'Вернуть стандартный шаблон',
    question: 'Удалить вашу версию этого письма на этом языке? Снова будет использоваться стандартный шаблон.',
    confirm: 'Удалить мою версию',
  },
});

/** How long typing must pause before the draft is rendered again. */
const PREVIEW_DELAY_MS = 400;

const draftOf = (t: MailTemplateView): MailTemplateDraft => ({ subject: t.subject, mjml: t.mjml, text: t.text ?? '' });
const same = (a: MailTemplateDraft, b: MailTemplateDraft | undefined): boolean =>
  b !== undefined && a.subject === b.subject && a.mjml === b.mjml && a.text === b.text;

/** Save, revert and test send of one mail in one language, each refreshing what it changes. */
const useTemplateChanges = (key: string, locale: string) => {
  const queryClient = useQueryClient();
  const check = useContractCheck('PUT /api/v1/notifications/mail/templates/{key}/{locale}');
  const checkTest = useContractCheck('POST /api/v1/notifications/mail/templates/{key}/{locale}/test');
  const changed = async () => {
    await queryClient.invalidateQueries({ queryKey: mailTemplateQuery(key, locale).queryKey });
    await queryClient.invalidateQueries({ queryKey: mailTemplatesQuery.queryKey });
  };
  return {
    save: useMutation({
      mutationFn: (draft: MailTemplateDraft) => {
        check(templateInputOf(draft));
        return saveMailTemplate(key, locale, draft);
      },
      onSuccess: changed,
    }),
    revert: useMutation({ mutationFn: () => deleteMailTemplate(key, locale), onSuccess: changed }),
    test: useMutation({
      mutationFn: async (to: string) => {
        checkTest({ to });
        await sendTestMail(key, locale, to);
        return to;
      },
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mail', 'log'] }),
    }),
  };
};

type Changes = ReturnType<typeof useTemplateChanges>;

interface EditorProps {
  readonly mailKey: string;
  readonly locale: string;
  readonly template: MailTemplateView;
  readonly manage: boolean;
  readonly changes: Changes;
}

/** The draft, its live preview (rendered by the server once typing pauses) and, for managers, save and revert. */
const Editor = ({ mailKey, locale, template, manage, changes }: EditorProps) => {
  const t = useMessages(messages);
  const [draft, setDraft] = useState(() => draftOf(template));
  const settled = useDebounced(draft, PREVIEW_DELAY_MS);
  const preview = useQuery({ ...mailPreviewQuery(mailKey, locale, settled), placeholderData: keepPreviousData });
  const { save, revert } = changes;
  // A refused save's problems while the draft is what was sent; the preview's otherwise.
  const refused = same(draft, save.variables) ? renderProblemsOf(save.error) : [];
  const problems = refused.length > 0 ? refused : renderProblemsOf(preview.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const otherError = [save.error, revert.error, preview.error].find((e) => e && renderProblemsOf(e).length === 0);
  return (
    <div className="mail-editor">
      <form className="stack wide" onSubmit={submit} noValidate>
        <MailTemplateFields draft={draft} problems={problems} readOnly={!manage} onChange={setDraft} />
        {otherError ? <ErrorNotice error={otherError} /> : null}
        {save.isSuccess && same(draft, save.variables) ? <p role="status">{t.saved}</p> : null}
        {manage ? (
          <div className="row">
            <button type="submit" disabled={save.isPending}>
              {t.save}
            </button>
            {template.source === 'tenant' && template.locale === locale ? (
              <ConfirmAction
                label={t.revert}
                question={t.question}
                confirmLabel={t.confirm}
                disabled={revert.isPending}
                onConfirm={() => revert.mutate()}
              />
            ) : null}
          </div>
        ) : null}
      </form>
      <MailPreview preview={preview.data} problems={problems} rendering={preview.isFetching || settled !== draft} />
    </div>
  );
};

/** One mail in one language: its template edited with a live preview, saved or reverted, and sent as a test. */
export const MailTemplateEditor = () => {
  const { key, locale } = getRouteApi('/app/mail/templates/$key/$locale').useParams();
  const t = useMessages(messages);
  const n = useMessages(mailNames);
  const titles = useMessages(mailTitles);
  const { data: template } = useSuspenseQuery(mailTemplateQuery(key, locale));
  const { data: templates } = useSuspenseQuery(mailTemplatesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const changes = useTemplateChanges(key, locale);
  const manage = can(me, 'notifications.mail.manage');
  const info = templates.find((x) => x.key === key);
  const own = template.source === 'tenant' && template.locale === locale;
  return (
    <>
      <p>
        <Link to="/mail">{t.back}</Link>
      </p>
      <h1>
        {mailTitleOf(titles, key, info?.description ?? key)} ({locale})
      </h1>
      <MailTabs manage={manage} />
      <p>
        <code>{key}</code> · {n.source}: <span data-testid="template-source">{own ? n.tenant : n.shipped}</span>. {own ? t.own : t.shipped}
      </p>
      <Editor
        key={`${template.source} ${template.updatedAt ?? ''}`}
        mailKey={key}
        locale={locale}
        template={template}
        manage={manage}
        changes={changes}
      />
      {manage ? (
        <MailTestSend
          pending={changes.test.isPending}
          sentTo={changes.test.data ?? null}
          error={changes.test.error}
          onSend={(to) => changes.test.mutate(to)}
        />
      ) : null}
    </>
  );
};
