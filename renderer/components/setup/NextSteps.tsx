import { useEffect, useRef, useState } from 'react';
import { Anchor, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconPointFilled } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import type { NextStep } from '../../../shared/schemas/setup';
import { call } from '../../api';
import { showApiError } from '../../lib/feedback';
import { useCall } from '../../lib/useCall';
import { useRoleLabel } from '../../lib/session';
import type { Role } from '../../../shared/domain';

// In the office's words for its roles (a kecamatan's Camat, another unit's head).
const stepsOf = (role: (r: Role) => string): Record<NextStep, { text: string; to: string; link: string }> => ({
  users: { text: `Tambahkan akun Staf, ${role('kasi')}, ${role('sekcam')} dan ${role('camat')}.`, to: '/admin/pengguna', link: 'Pengguna' },
  standard: { text: 'Periksa Standar Pelayanan (jangka waktu, alur, kelengkapan) lalu simpan.', to: '/admin/standar', link: 'Standar pelayanan' },
  calendar: { text: 'Periksa kalender kerja: libur nasional, cuti bersama dan libur kantor.', to: '/admin/kalender', link: 'Kalender kerja' },
  logo: { text: 'Pasang logo untuk kop surat.', to: '/admin/kantor', link: 'Profil kantor' },
  camatNip: { text: `Isi NIP pada akun ${role('camat')}; NIP dicetak di bawah tanda tangan.`, to: '/admin/pengguna', link: 'Pengguna' },
  backup: { text: 'Atur folder cadangan di hard disk lain atau flashdisk, agar data kantor dicadangkan setiap hari.', to: '/admin/cadangan', link: 'Cadangan data' },
});

// The Admin's "what now" after setup, on the Admin's start page. Each step is read from
// the office's data, so the card goes away once everything is done, or when hidden.
// `refresh` changes when the page around it changed something (a user added).
export function NextSteps({ refresh }: { refresh?: unknown }) {
  const steps = useCall('setup.nextSteps', {});
  const STEPS = stepsOf(useRoleLabel());
  const here = useLocation().pathname;
  const { reload } = steps;
  const [hiding, setHiding] = useState(false);
  const mounted = useRef(false);

  useEffect(() => {
    if (mounted.current) reload();
    mounted.current = true;
  }, [refresh, reload]);

  const data = steps.data;
  if (!data || data.dismissed) return null;
  const open = (Object.keys(STEPS) as NextStep[]).filter((s) => !data.done[s]);
  if (open.length === 0) return null;

  const hide = async () => {
    setHiding(true);
    try {
      await call('setup.dismissNextSteps', {});
      reload();
    } catch (err) {
      showApiError(err, undefined, 'Daftar belum dapat disembunyikan');
    } finally {
      setHiding(false);
    }
  };

  return (
    <Paper withBorder p="lg" aria-labelledby="next-steps-title" component="section">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id="next-steps-title">
              Langkah berikutnya
            </Title>
            <Text size="sm" c="dimmed">
              Kantor sudah disiapkan. Selesaikan langkah berikut; yang sudah selesai tercentang sendiri.
            </Text>
          </div>
          <Button variant="subtle" color="gray" size="xs" onClick={hide} loading={hiding}>
            Sembunyikan
          </Button>
        </Group>
        <List spacing="xs" size="sm" center>
          {(Object.keys(STEPS) as NextStep[]).map((s) => (
            <List.Item
              key={s}
              icon={
                data.done[s] ? (
                  <ThemeIcon color="teal" size={22} radius="xl" aria-label="Selesai">
                    <IconCheck size={14} />
                  </ThemeIcon>
                ) : (
                  <ThemeIcon color="gray" variant="light" size={22} radius="xl" aria-label="Belum">
                    <IconPointFilled size={14} />
                  </ThemeIcon>
                )
              }
            >
              <Text span size="sm" td={data.done[s] ? 'line-through' : undefined} c={data.done[s] ? 'dimmed' : undefined}>
                {STEPS[s].text}
              </Text>
              {STEPS[s].to !== here && (
                <>
                  {' '}
                  <Anchor component={Link} to={STEPS[s].to} size="sm">
                    Buka {STEPS[s].link}
                  </Anchor>
                </>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
