import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { call } from '../../api';
import type { ComplaintQuery } from '../../../shared/schemas/complaint';
import type { ExportStatus } from '../../../shared/reports/exports';
import { notifyError, notifySuccess } from '../../lib/feedback';
import { downloadFile } from '../../lib/files';

const POLL_MS = 200;
const number = (n: number) => n.toLocaleString('id-ID');

type Phase = { at: 'idle' } | { at: 'building'; status: ExportStatus } | { at: 'saving' };

// "Unduh Excel" on the register: the core builds the file for the register's current
// filter and order (every matching row, not only this page) while a modal shows how far
// it is; the file downloads as soon as it is ready.
export function RegisterExportButton({ query }: { query: ComplaintQuery }) {
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  // Batal, or leaving the page, stops the polling and the build in the core (so it takes
  // no more of the host's time, nor one of the office's two places).
  const live = useRef(0);
  const job = useRef<string | null>(null);
  const stop = () => {
    live.current += 1;
    if (job.current) call('exports.cancel', { jobId: job.current }).catch(() => undefined);
    job.current = null;
  };
  useEffect(() => stop, []);

  const start = async () => {
    const run = ++live.current;
    const { offset: _offset, limit: _limit, ...filter } = query;
    try {
      const { jobId, total } = await call('complaints.exportXlsx', filter);
      // Left or cancelled while the job was being started: stopped at once.
      if (run !== live.current) return void call('exports.cancel', { jobId }).catch(() => undefined);
      job.current = jobId;
      let status: ExportStatus = { done: 0, total, ready: false };
      while (run === live.current && !status.ready) {
        setPhase({ at: 'building', status });
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (run !== live.current) return;
        status = await call('exports.status', { jobId });
      }
      if (run !== live.current) return;
      setPhase({ at: 'saving' });
      job.current = null;
      const file = await call('exports.file', { jobId });
      // Batal while the file was on its way: it is not saved.
      if (run !== live.current) return;
      downloadFile(file);
      if (total === 0) notifySuccess('Tidak ada pengaduan yang cocok dengan filter ini; berkas yang diunduh bertuliskan nihil.', 'Register diunduh');
    } catch (err) {
      if (run === live.current) notifyError(err, 'Register tidak dapat diunduh');
    } finally {
      if (run === live.current) setPhase({ at: 'idle' });
    }
  };
  const cancel = () => {
    stop();
    setPhase({ at: 'idle' });
  };

  const status = phase.at === 'building' ? phase.status : null;
  const pct = status ? (status.total === 0 ? 100 : Math.round((status.done / status.total) * 100)) : 100;
  return (
    <>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void start()} loading={phase.at !== 'idle'}>
        Unduh Excel
      </Button>
      <Modal opened={phase.at !== 'idle'} onClose={cancel} title="Menyusun berkas Excel" centered closeOnClickOutside={false}>
        <Stack gap="sm">
          <Text size="sm">
            {status
              ? status.done < status.total
                ? `${number(status.done)} dari ${number(status.total)} pengaduan ditulis…`
                : `${number(status.total)} pengaduan ditulis; berkas sedang dirapikan…`
              : 'Berkas siap; unduhan dimulai.'}
          </Text>
          <Progress value={pct} size="lg" striped animated={pct < 100} aria-label={`Kemajuan ${pct}%`} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Semua baris yang cocok dengan filter ikut, bukan hanya halaman ini.
            </Text>
            <Button variant="subtle" size="xs" onClick={cancel}>
              Batal
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
