import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

export function Component() {
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Page not found
      </Typography>
      <Typography>There is nothing at this address.</Typography>
      <Button component={RouterLink} to="/apps" sx={{ mt: 2 }}>
        Back to apps
      </Button>
    </Box>
  );
}
