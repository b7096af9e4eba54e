import { useId } from 'react';
import { Controller, type Control } from 'react-hook-form';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { PURPOSE_TYPES } from '@/api/contract';
import { PURPOSES } from '../domain';
import type { CreateSecretValues } from './create-secret-form';

/** The purpose, one radio per type: its title names the choice, its description describes it. */
export function PurposeField({ control, disabled }: { control: Control<CreateSecretValues>; disabled: boolean }) {
  const purposeLabelId = useId();
  return (
    <FormControl component="fieldset" disabled={disabled}>
      <FormLabel component="legend" id={purposeLabelId}>
        Purpose
      </FormLabel>
      <Controller
        control={control}
        name="purposeType"
        render={({ field }) => (
          <RadioGroup aria-labelledby={purposeLabelId} {...field}>
            {PURPOSE_TYPES.map((purpose) => (
              <FormControlLabel
                key={purpose}
                value={purpose}
                control={
                  <Radio
                    slotProps={{
                      input: {
                        'aria-labelledby': `${purposeLabelId}-${purpose}-title`,
                        'aria-describedby': `${purposeLabelId}-${purpose}`,
                      },
                    }}
                  />
                }
                sx={{ alignItems: 'flex-start', mt: 0.5, '& .MuiRadio-root': { pt: 0.25 } }}
                label={
                  <Box>
                    <Typography component="span" id={`${purposeLabelId}-${purpose}-title`}>
                      {PURPOSES[purpose].title}
                    </Typography>
                    <Typography component="span" variant="body2" color="text.secondary" id={`${purposeLabelId}-${purpose}`} sx={{ display: 'block' }}>
                      {PURPOSES[purpose].description}
                    </Typography>
                  </Box>
                }
              />
            ))}
          </RadioGroup>
        )}
      />
    </FormControl>
  );
}
