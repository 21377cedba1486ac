import { useState } from 'react';
import { Alert, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { call } from '../../api';
import { AUDIT_CATEGORIES, AUDIT_CATEGORY_LABEL, type AuditCategory } from '../../../shared/audit/labels';
import type { AuditFilter } from '../../../shared/audit/list';
import { downloadFile } from '../../lib/files';
import { notifyError } from '../../lib/feedback';
import { useDates, useRoleLabel } from '../../lib/session';
import { useCall } from '../../lib/useCall';
import { DateText } from './DateText';

const PAGE_SIZE = 50;
const n = (x: number) => x.toLocaleString('id-ID');

// A date filter changes once its field holds a whole date, or nothing: not at every key
// while it is typed (DateText says what is wrong with a date that is not one).
const whenDate = (value: string, apply: (ymd: string | undefined) => void) => {
  if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) apply(value || undefined);
};

// Who did what to which complaint and when, filtered in the core; the CSV takes the
// same filters.
export function AuditTrail() {
  const dates = useDates();
  const roleLabel = useRoleLabel();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [registerDraft, setRegisterDraft] = useState('');
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const list = useCall('audit.list', { ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });

  const change = (next: Partial<AuditFilter>) => {
    setFilter((f) => {
      const merged: AuditFilter = { ...f, ...next };
      // Empty fields leave the filter rather than filtering on "".
      for (const k of Object.keys(merged) as (keyof AuditFilter)[]) if (merged[k] === undefined || merged[k] === '') delete merged[k];
      return merged;
    });
    setPage(1);
  };
  const applyRegister = () => change({ registerNo: registerDraft.trim() || undefined });

  const exportCsv = async () => {
    setExporting(true);
    try {
      downloadFile(await call('audit.export', filter));
      list.reload();
    } catch (err) {
      notifyError(err, 'Jejak audit belum dapat diunduh');
    } finally {
      setExporting(false);
    }
  };

  const err = list.error;
  const fieldError = (field: string) => (err && (err.field === field || field in err.fields) ? (err.fields[field] ?? err.message) : undefined);
  const filterFieldError = fieldError('registerNo') ?? fieldError('to') ?? fieldError('from');
  const actors = list.data?.actors ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <div>
            <Title order={4}>Catatan kegiatan</Title>
            <Text size="sm" c="dimmed">
              Siapa melakukan apa, pada pengaduan mana, dan kapan. Pengaduan disebut dengan nomor registernya saja; isinya tidak ditampilkan.
            </Text>
          </div>
          <Button variant="default" onClick={() => void exportCsv()} loading={exporting} disabled={!!err || total === 0} style={{ flexShrink: 0 }}>
            Unduh CSV
          </Button>
        </Group>
        {/* A fixed grid: a message under one box wraps in its own column, the others stay put. */}
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <Select
            label="Pengguna"
            placeholder="Semua pengguna"
            clearable
            searchable
            data={actors.map((a) => ({ value: String(a.id), label: a.active ? a.name : `${a.name} (nonaktif)` }))}
            value={filter.actorId === undefined ? null : String(filter.actorId)}
            onChange={(v) => change({ actorId: v ? Number(v) : undefined })}
          />
          <TextInput
            label="Nomor register"
            placeholder="mis. 0001/PGD/2026"
            value={registerDraft}
            onChange={(e) => setRegisterDraft(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && applyRegister()}
            onBlur={applyRegister}
            error={fieldError('registerNo')}
          />
          <DateText label="Dari tanggal" tz={dates.tz} value={filter.from ?? ''} onChange={(v) => whenDate(v, (from) => change({ from }))} error={fieldError('from')} />
          <DateText label="Sampai tanggal" tz={dates.tz} value={filter.to ?? ''} onChange={(v) => whenDate(v, (to) => change({ to }))} error={fieldError('to')} />
          <Select
            label="Jenis"
            placeholder="Semua jenis"
            clearable
            data={AUDIT_CATEGORIES.map((c) => ({ value: c, label: AUDIT_CATEGORY_LABEL[c] }))}
            value={filter.category ?? null}
            onChange={(v) => change({ category: (v as AuditCategory | null) ?? undefined })}
          />
        </SimpleGrid>

        {err && !filterFieldError && <Alert color="red">{err.message}</Alert>}
        {list.data && !err && (
          <Text size="sm" role="status">
            {total === 0 ? 'Tidak ada catatan yang cocok dengan saringan ini.' : `${n(total)} catatan, terbaru di atas.`}
          </Text>
        )}
        {list.data && !err && list.data.rows.length > 0 && (
          <Table striped highlightOnHover verticalSpacing={6} style={{ opacity: list.loading ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>Waktu</Table.Th>
                <Table.Th w={200}>Pengguna</Table.Th>
                <Table.Th w={220}>Tindakan</Table.Th>
                <Table.Th w={190}>Sasaran</Table.Th>
                <Table.Th>Keterangan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dates.short(r.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.actorName}</Text>
                    {r.actorRole && (
                      <Text size="xs" c="dimmed">
                        {roleLabel(r.actorRole)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{r.target}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {r.detail}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {pages > 1 && !err && (
          <Group justify="center">
            <Pagination total={pages} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Halaman sebelumnya' : c === 'next' ? 'Halaman berikutnya' : c })} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
