import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { EvaluationRefusal } from '../../data/evaluationCommands';

/**
 * Runs a 评议 command from a screen: a success message; when it refuses, its field errors (by field or question)
 * for beside the fields and its message for an alert; a storage failure becomes the alert. The form keeps what
 * was entered either way.
 */
export function useEvaluationCommand() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const run = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setRefusal(undefined);
    setFieldErrors({});
    try {
      await work();
      if (done) message.success(done);
      return true;
    } catch (error) {
      if (error instanceof EvaluationRefusal) {
        setRefusal(error.message);
        setFieldErrors(error.fieldErrors ?? {});
      } else {
        setRefusal(t('errors.storage', { message: error instanceof Error ? error.message : String(error) }));
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Forget a field's error once the user changes it (every error whose key starts with `prefix`). */
  const clearField = (prefix: string) =>
    setFieldErrors((errors) => {
      const kept = Object.entries(errors).filter(([key]) => key !== prefix && !key.startsWith(`${prefix}.`));
      return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
    });

  return { busy, refusal, fieldErrors, run, clearField, clearRefusal: () => setRefusal(undefined) };
}
