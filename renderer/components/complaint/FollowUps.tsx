import { Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { FOLLOW_UP_LABEL, type Journey } from '../../../shared/schemas/workflow';
import { useDates } from '../../lib/session';
import { AttachmentList } from './AttachmentList';

// What the handlers found and did: clarification notes, actions, proposed answers.
export function FollowUps({ journey }: { journey: Journey }) {
  const { short } = useDates();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>Tindak lanjut</Title>
        {journey.followUps.length === 0 && (
          <Text size="sm" c="dimmed">
            Belum ada catatan tindak lanjut.
          </Text>
        )}
        {journey.followUps.map((f) => (
          <Paper key={f.id} withBorder p="sm">
            <Stack gap={4}>
              <Group justify="space-between">
                <Badge variant="light">{FOLLOW_UP_LABEL[f.kind]}</Badge>
                <Text size="xs" c="dimmed">
                  {f.byName} · {short(f.at)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {f.text}
              </Text>
              {f.attachments.length > 0 && <AttachmentList items={f.attachments} />}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Card>
  );
}
