import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { LifecycleRefusal } from '../../data/proposalCommands';
import { refusalMessage } from '../proposals/refusalMessage';

/**
 * Runs one of the office's handling commands from a form: on success a message; when the command refuses the
 * form's data, each problem goes beside its field (the entered values stay); any other refusal — the state
 * machine's reason, a storage failure — is returned as `refusal` for an alert.
 */
export function useCommand() {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const language = useSession((s) => s.language);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();

  /** `done`: the success message ('' for none). `fields`: the form fields on screen; problems with any other field are shown in the alert. */
  const run = async (work: () => Promise<unknown>, done: string, form?: FormInstance, fields: readonly string[] = []): Promise<boolean> => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await work();
      if (done) message.success(done);
      return true;
    } catch (error) {
      if (error instanceof LifecycleRefusal && error.fieldErrors && form) {
        const entries = Object.entries(error.fieldErrors);
        const beside = entries.filter(([name]) => fields.includes(name));
        form.setFields(beside.map(([name, text]) => ({ name, errors: [text] })));
        const elsewhere = entries.filter(([name]) => !fields.includes(name)).map(([, text]) => text);
        if (elsewhere.length) setRefusal(elsewhere.join('；'));
      } else {
        setRefusal(refusalMessage(error, i18n.t, language));
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, refusal, run, clearRefusal: () => setRefusal(undefined) };
}
