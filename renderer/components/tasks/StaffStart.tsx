import { Center, Loader } from '@mantine/core';
import { Navigate } from 'react-router';
import { useCall } from '../../lib/useCall';

// The Staf opens on Tugas saya when something waits for them (a step, or the scan of a
// letter printed to be signed by hand), else on the intake form.
export function StaffStart() {
  const counts = useCall('tasks.counts', {});
  // A menu item clicked while the counts were loading wins: the address has moved on while
  // this start page stays on screen until the chosen page's code has loaded.
  if (window.location.pathname !== '/') return null;
  if (counts.error) return <Navigate to="/pengaduan/baru" replace />;
  if (!counts.data)
    return (
      <Center py="xl">
        <Loader aria-label="Memuat tugas" />
      </Center>
    );
  return <Navigate to={counts.data.mine > 0 || counts.data.toScan > 0 ? '/tugas' : '/pengaduan/baru'} replace />;
}
