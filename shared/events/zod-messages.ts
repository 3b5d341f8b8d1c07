import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod's mini form ships no messages ("Invalid input"); answers to bad input must say what is wrong.
z.config(en());
