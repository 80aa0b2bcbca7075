import { useState } from 'react';
import { Card, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo } from '../../app/session';
import { saveVisitNotes } from '../../data/visitCommands';
import { useAutosave } from '../proposals/useAutosave';
import { useRefusalText } from './useVisitCommand';
import { SaveIndicator } from './SaveIndicator';

/**
 * 我的视察记录: typed in the field, offline, saved by itself shortly after each pause (and when leaving the screen).
 * A refused save (the visit was closed meanwhile) keeps the text on screen and says why.
 */
export function NotesEditor({ visitId, initial, editable }: { visitId: string; initial: string; editable: boolean }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const refusalText = useRefusalText();
  const [notes, setNotes] = useState(initial);
  const autosave = useAutosave(notes, async (value) => {
    try {
      await saveVisitNotes(repo, visitId, { role: profile.role, actorId: profile.actorId }, value);
    } catch (error) {
      throw new Error(refusalText(error));
    }
  });
  return (
    <Card title={t('notes.mineTitle')} extra={<SaveIndicator state={autosave.state} testId="notes-save-indicator" />} style={{ marginBottom: 16 }}>
      <Input.TextArea
        value={notes}
        disabled={!editable}
        onChange={(e) => setNotes(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 24 }}
        placeholder={t('notes.placeholder')}
        data-testid="visit-notes"
      />
    </Card>
  );
}
