import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconKey, IconLogout, IconNews } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { roleLabels } from '../../../platform/auth/roles';
import { del, describeError } from '../api';
import { initials } from '../format';
import { sessionKey, useActor, type SessionResponse } from '../hooks/use-session';
import { unitKey } from '../hooks/use-unit';

export function UserMenu() {
  const actor = useActor();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => del<void>('/session'),
    onSuccess: () => {
      const unit = client.getQueryData(unitKey);
      client.clear();
      if (unit) client.setQueryData(unitKey, unit);
      client.setQueryData<SessionResponse>(sessionKey, { actor: null });
      notifications.show({ color: 'teal', title: 'Signed out', message: 'See you soon.' });
      navigate('/sign-in', { replace: true });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: describeError(error) }),
  });
  const roleText = actor.roles.map((r) => roleLabels[r]).join(', ');

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${actor.name}`} px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={32} radius="xl" color="teal" variant="light" aria-hidden>
              {initials(actor.name)}
            </Avatar>
            <Text size="sm" fw={600} visibleFrom="sm" c="gray.9">
              {actor.name}
            </Text>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="gray.9">
            {actor.name}
          </Text>
          <Text size="xs" c="gray.7">
            {actor.email}
          </Text>
          {roleText && (
            <Text size="xs" c="gray.7">
              {roleText}
            </Text>
          )}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account/interests" leftSection={<IconNews size={16} aria-hidden />}>
          My interests
        </Menu.Item>
        <Menu.Item component={Link} to="/account/password" leftSection={<IconKey size={16} aria-hidden />}>
          Change password
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
